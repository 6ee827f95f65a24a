"""Security rules for infra_bicep, checked on the parse tree that checkov itself uses (pycep).

There is no Bicep CLI here, so these rules are the offline guarantee that the templates
stay least-privilege: each rule takes one parsed template and returns its violations.
pycep renders a bare identifier and a quoted literal alike (both become a Python str), so
a str that names a parameter of the template is read as a reference to that parameter.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pycep import BicepParser

REPO_ROOT = Path(__file__).resolve().parents[2]
BICEP_ROOT = REPO_ROOT / "infra_bicep"
ROLES_FILE = "roles.json"

Template = dict[str, Any]


@dataclass(frozen=True)
class Violation:
    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.message}"


Rule = Callable[[str, Template], list[Violation]]


def parse_bicep(text: str) -> Template:
    # BicepJson is a TypedDict; the rules index it by arbitrary keys, so treat it as a plain dict.
    return cast(Template, BicepParser().parse(text=text))


def parse_file(path: Path) -> Template:
    return parse_bicep(path.read_text(encoding="utf-8"))


def bicep_files(root: Path = BICEP_ROOT) -> list[Path]:
    return sorted(root.rglob("*.bicep"))


# --- helpers over pycep's JSON -------------------------------------------------------


def resources(template: Template, *types: str, include_existing: bool = False) -> Iterator[tuple[str, Template]]:
    """Yield (symbol, resource) for resources of the given types (all types when none given)."""
    wanted = {t.lower() for t in types}
    for symbol, res in (template.get("resources") or {}).items():
        if res.get("existing") and not include_existing:
            continue
        if wanted and str(res.get("type", "")).lower() not in wanted:
            continue
        yield symbol, res


def body(resource: Template) -> Template:
    """The resource's object, looking through `= if (cond) {...}` and `= [for ...: {...}]`."""
    config = resource.get("config") or {}
    while (
        isinstance(config, dict)
        and isinstance(config.get("config"), dict)
        and ("condition" in config or "loop_type" in config)
    ):
        config = config["config"]
    return config if isinstance(config, dict) else {}


def get_path(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def resolve(template: Template, value: Any) -> Any:
    """A bare parameter reference becomes that parameter's default (None when it has none)."""
    params = template.get("parameters") or {}
    if isinstance(value, str) and value in params:
        return params[value].get("default")
    return value


def walk_keys(obj: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every (path, key, value) pair in nested dicts and lists."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            here = f"{path}.{key}" if path else str(key)
            yield here, str(key), value
            yield from walk_keys(value, here)
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from walk_keys(item, f"{path}[{index}]")


def flat(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def roles_var_names(template: Template) -> set[str]:
    """Variables bound to loadJsonContent('.../roles.json')."""
    names = set()
    for name, var in (template.get("variables") or {}).items():
        function = get_path(var, "value.function")
        if isinstance(function, dict) and function.get("type") == "load_json_content":
            path = str(get_path(function, "parameters.file_path") or "")
            if path.endswith(ROLES_FILE):
                names.add(name)
    return names


def property_access(value: Any) -> tuple[Any, Any] | None:
    operator = get_path(value, "operator")
    if isinstance(operator, dict) and operator.get("type") == "property_accessor":
        operands = operator.get("operands") or {}
        return operands.get("operand_1"), operands.get("operand_2")
    return None


def role_key(template: Template, value: Any) -> str | None:
    """`roles.someRole` -> 'someRole' when `roles` is loaded from roles.json."""
    access = property_access(value)
    if access and access[0] in roles_var_names(template) and isinstance(access[1], str):
        return access[1]
    return None


# --- rules -----------------------------------------------------------------------------

# Settings allowed to carry "connection string" in their name, and what makes each safe.
EXEMPT_SETTINGS: dict[str, str] = {
    # Disabled local auth makes the instrumentation key no credential; ingestion needs Entra.
    "APPLICATIONINSIGHTS_CONNECTION_STRING": "",
    # Endpoint plus managed identity; the scheduler has no keys at all.
    "DURABLE_TASK_SCHEDULER_CONNECTION_STRING": "Authentication=ManagedIdentity",
}
SECRET_NAME = re.compile(
    r"(?i)(password|passwd|secret|connection_?string|api_?key|account_?key|access_?key|sas_?token|"
    r"instrumentation_?key|^AzureWebJobsStorage$|^\w*Connection$)"
)
SECRET_VALUE = re.compile(
    r"(?i)(listKeys|listConnectionStrings|list_func|getSecret|AccountKey=|SharedAccessKey|Password=|PWD=|"
    r"InstrumentationKey=|primaryKey|secondaryKey|primaryConnectionString|://[^/@\s\"]+:[^/@\s\"]+@)"
)


def app_settings(resource_type: str, config: Template) -> list[tuple[str, Any]]:
    if resource_type.lower() == "microsoft.web/sites":
        entries = get_path(config, "properties.siteConfig.appSettings") or []
        return [(str(e.get("name")), e.get("value")) for e in entries if isinstance(e, dict)]
    if resource_type.lower() == "microsoft.web/sites/config" and str(config.get("name", "")).endswith("appsettings"):
        props = config.get("properties") or {}
        return [(str(k), v) for k, v in props.items()] if isinstance(props, dict) else []
    return []


def rule_no_secrets_in_app_settings(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template, "Microsoft.Web/sites", "Microsoft.Web/sites/config"):
        for setting, value in app_settings(res["type"], body(res)):
            where = f"{name}:{symbol}.{setting}"
            text = flat(value)
            if setting in EXEMPT_SETTINGS:
                required = EXEMPT_SETTINGS[setting]
                if required and required not in text:
                    out.append(Violation("no-secrets-in-app-settings", where, f"must contain {required!r}"))
            elif SECRET_NAME.search(setting):
                out.append(
                    Violation("no-secrets-in-app-settings", where, "setting name implies a key or connection string")
                )
            if SECRET_VALUE.search(text):
                out.append(
                    Violation("no-secrets-in-app-settings", where, f"value carries a key or password: {text[:120]}")
                )
    return out


TLS_REQUIRED: dict[str, list[tuple[str, set[str]]]] = {
    "microsoft.storage/storageaccounts": [("properties.minimumTlsVersion", {"TLS1_2", "TLS1_3"})],
    "microsoft.servicebus/namespaces": [("properties.minimumTlsVersion", {"1.2", "1.3"})],
    "microsoft.sql/servers": [("properties.minimalTlsVersion", {"1.2", "1.3"})],
    "microsoft.web/sites": [
        ("properties.siteConfig.minTlsVersion", {"1.2", "1.3"}),
        ("properties.siteConfig.scmMinTlsVersion", {"1.2", "1.3"}),
    ],
}
TLS_KEYS = {"minimumTlsVersion", "minimalTlsVersion", "minTlsVersion", "scmMinTlsVersion"}
TLS_OK = {"1.2", "1.3", "TLS1_2", "TLS1_3", "Tls12", "Tls13"}


def rule_min_tls_12(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template):
        config = body(res)
        for path, allowed in TLS_REQUIRED.get(res["type"].lower(), []):
            value = resolve(template, get_path(config, path))
            if value not in allowed:
                out.append(
                    Violation("min-tls-1.2", f"{name}:{symbol}", f"{path} is {value!r}, want one of {sorted(allowed)}")
                )
        for path, key, value in walk_keys(config):
            if key in TLS_KEYS and resolve(template, value) not in TLS_OK:
                out.append(Violation("min-tls-1.2", f"{name}:{symbol}", f"{path} is {value!r}"))
    return out


LOCAL_AUTH: dict[str, str] = {
    "microsoft.servicebus/namespaces": "properties.disableLocalAuth",
    "microsoft.search/searchservices": "properties.disableLocalAuth",
    "microsoft.insights/components": "properties.DisableLocalAuth",
    "microsoft.operationalinsights/workspaces": "properties.features.disableLocalAuth",
}


def rule_disable_local_auth(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template, *LOCAL_AUTH):
        path = LOCAL_AUTH[res["type"].lower()]
        if resolve(template, get_path(body(res), path)) is not True:
            out.append(Violation("disable-local-auth", f"{name}:{symbol}", f"{path} must be true"))
        if res["type"].lower() == "microsoft.search/searchservices" and get_path(body(res), "properties.authOptions"):
            out.append(Violation("disable-local-auth", f"{name}:{symbol}", "authOptions re-enables API keys"))
    return out


def rule_no_shared_key(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template, "Microsoft.Storage/storageAccounts"):
        props = body(res).get("properties") or {}
        if resolve(template, props.get("allowSharedKeyAccess")) is not False:
            out.append(Violation("no-shared-key", f"{name}:{symbol}", "allowSharedKeyAccess must be false"))
        if resolve(template, props.get("allowBlobPublicAccess")) is True:
            out.append(Violation("no-shared-key", f"{name}:{symbol}", "allowBlobPublicAccess must not be true"))
    return out


PUBLIC_ACCESS_TYPES = {
    "microsoft.storage/storageaccounts",
    "microsoft.servicebus/namespaces",
    "microsoft.search/searchservices",
    "microsoft.sql/servers",
    "microsoft.keyvault/vaults",
    "microsoft.containerregistry/registries",
    "microsoft.web/sites",
}


def public_access_default(template: Template, value: Any) -> Any:
    function = get_path(value, "function")
    if isinstance(function, dict) and function.get("type") in {"to_lower", "to_upper"}:
        value = next(iter((function.get("parameters") or {}).values()), None)
    return resolve(template, value)


def rule_public_network_access(name: str, template: Template) -> list[Violation]:
    """Every data service sets publicNetworkAccess, and it is Disabled unless a parameter file says otherwise."""
    out: list[Violation] = []
    for symbol, res in resources(template):
        if res["type"].lower() not in PUBLIC_ACCESS_TYPES:
            continue
        value = get_path(body(res), "properties.publicNetworkAccess")
        if value is None:
            out.append(Violation("public-network-access", f"{name}:{symbol}", "publicNetworkAccess is not set"))
        elif str(public_access_default(template, value)).lower() != "disabled":
            out.append(
                Violation("public-network-access", f"{name}:{symbol}", f"publicNetworkAccess defaults to {value!r}")
            )
    return out


def taint_is_noschedule(taint: Any) -> bool:
    return isinstance(taint, str) and bool(re.fullmatch(r"[\w./-]+(=[\w.-]*)?:(NoSchedule|NoExecute)", taint))


def rule_gpu_pool_tainted(name: str, template: Template) -> list[Violation]:
    """GPU (N-series) pools carry a NoSchedule taint and autoscale, so only vLLM lands there."""
    out: list[Violation] = []
    pools: list[tuple[str, Template]] = []
    for symbol, res in resources(template, "Microsoft.ContainerService/managedClusters/agentPools"):
        pools.append((symbol, body(res).get("properties") or {}))
    for symbol, res in resources(template, "Microsoft.ContainerService/managedClusters"):
        for index, profile in enumerate(get_path(body(res), "properties.agentPoolProfiles") or []):
            if isinstance(profile, dict):
                pools.append((f"{symbol}.agentPoolProfiles[{index}]", profile))
    for where, pool in pools:
        vm_size = str(resolve(template, pool.get("vmSize")))
        if not re.match(r"(?i)Standard_N", vm_size):
            continue
        taints = [resolve(template, t) for t in (pool.get("nodeTaints") or [])]
        if not taints or not all(taint_is_noschedule(t) for t in taints):
            out.append(Violation("gpu-pool-tainted", f"{name}:{where}", f"GPU pool {vm_size} needs a NoSchedule taint"))
        if resolve(template, pool.get("enableAutoScaling")) is not True:
            out.append(Violation("gpu-pool-tainted", f"{name}:{where}", "GPU pool must autoscale"))
    return out


def guid_args(value: Any) -> list[Any] | None:
    function = get_path(value, "function")
    if isinstance(function, dict) and function.get("type") == "guid":
        return [v for v in (function.get("parameters") or {}).values() if v is not None]
    return None


def rule_role_assignment_names(name: str, template: Template) -> list[Violation]:
    """guid(scope.id, principal, roles.<role>), matching the assignment's own scope, principal and role."""
    out: list[Violation] = []
    for symbol, res in resources(template, "Microsoft.Authorization/roleAssignments"):
        where = f"{name}:{symbol}"
        config = body(res)
        args = guid_args(config.get("name"))
        if args is None or len(args) != 3:
            out.append(Violation("role-assignment-name", where, "name must be guid(scope.id, principal, role)"))
            continue
        scope_arg, principal_arg, role_arg = args
        scope_access = property_access(scope_arg)
        if not scope_access or scope_access[1] != "id" or scope_access[0] != config.get("scope"):
            out.append(Violation("role-assignment-name", where, "first guid() argument must be <scope>.id of `scope:`"))
        principal = get_path(config, "properties.principalId")
        if (
            flat(principal_arg) != flat(principal)
            and "principal" not in flat(principal_arg).lower() + flat(principal).lower()
        ):
            out.append(Violation("role-assignment-name", where, "second guid() argument must identify the principal"))
        key = role_key(template, role_arg)
        definition = flat(get_path(config, "properties.roleDefinitionId"))
        if key is None:
            out.append(Violation("role-assignment-name", where, f"third guid() argument must be a {ROLES_FILE} key"))
        elif f'"{key}"' not in definition:
            out.append(Violation("role-assignment-name", where, f"roleDefinitionId does not use the role {key!r}"))
    return out


GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def guid_literals(text: str) -> list[str]:
    """Role IDs live in roles.json only; a GUID written into a .bicep file is a role ID gone astray."""
    return GUID.findall(text)


SECRET_PARAM = re.compile(r"(?i)(password|secret|token|connectionstring|apikey|accountkey|[a-z]Key$)")


def decorator_types(element: Template) -> set[str]:
    return {str(d.get("type")) for d in element.get("decorators") or [] if isinstance(d, dict)}


def rule_parameters_documented(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for param, spec in (template.get("parameters") or {}).items():
        kinds = decorator_types(spec)
        if not spec.get("type"):
            out.append(Violation("parameters-documented", f"{name}:{param}", "parameter has no type"))
        if "description" not in kinds:
            out.append(Violation("parameters-documented", f"{name}:{param}", "parameter has no @description"))
        if SECRET_PARAM.search(param) and "secure" not in kinds:
            out.append(Violation("parameters-documented", f"{name}:{param}", "secret-like parameter is not @secure()"))
    return out


def rule_no_secret_outputs(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    secure_params = {p for p, spec in (template.get("parameters") or {}).items() if "secure" in decorator_types(spec)}
    for output, spec in (template.get("outputs") or {}).items():
        text = flat(spec.get("value"))
        if SECRET_NAME.search(output) or SECRET_VALUE.search(text):
            out.append(
                Violation("no-secret-outputs", f"{name}:{output}", "output looks like a key or connection string")
            )
        if any(f'"{p}"' in text or "${" + p + "}" in text for p in secure_params):
            out.append(Violation("no-secret-outputs", f"{name}:{output}", "output exposes a @secure() parameter"))
    return out


def rule_key_vault_hardened(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template, "Microsoft.KeyVault/vaults"):
        props = body(res).get("properties") or {}
        for key in ("enableRbacAuthorization", "enableSoftDelete", "enablePurgeProtection"):
            if resolve(template, props.get(key)) is not True:
                out.append(Violation("key-vault-hardened", f"{name}:{symbol}", f"{key} must be true"))
        if props.get("accessPolicies"):
            out.append(Violation("key-vault-hardened", f"{name}:{symbol}", "access policies bypass RBAC"))
    return out


def rule_sql_hardened(name: str, template: Template) -> list[Violation]:
    """Entra-only login, TDE on every database, server auditing to Azure Monitor, all threat alerts on."""
    out: list[Violation] = []
    servers = dict(resources(template, "Microsoft.Sql/servers"))
    for symbol, res in servers.items():
        props = body(res).get("properties") or {}
        where = f"{name}:{symbol}"
        if get_path(props, "administrators.azureADOnlyAuthentication") is not True:
            out.append(Violation("sql-hardened", where, "administrators.azureADOnlyAuthentication must be true"))
        if "administratorLoginPassword" in props or "administratorLogin" in props:
            out.append(Violation("sql-hardened", where, "SQL logins must not be configured"))
    children: dict[str, list[Template]] = {}
    for _, res in resources(template, include_existing=True):
        children.setdefault(res["type"].lower(), []).append(body(res))
    for symbol, _res in resources(template, "Microsoft.Sql/servers/databases"):
        if not any(
            c.get("parent") == symbol and get_path(c, "properties.state") == "Enabled"
            for c in children.get("microsoft.sql/servers/databases/transparentdataencryption", [])
        ):
            out.append(
                Violation("sql-hardened", f"{name}:{symbol}", "database has no enabled transparentDataEncryption")
            )
    if servers:
        audits = children.get("microsoft.sql/servers/auditingsettings", [])
        if not any(
            get_path(a, "properties.state") == "Enabled"
            and get_path(a, "properties.isAzureMonitorTargetEnabled") is True
            for a in audits
        ):
            out.append(Violation("sql-hardened", name, "server auditing to Azure Monitor is not enabled"))
        diagnostics = children.get("microsoft.insights/diagnosticsettings", [])
        if "SQLSecurityAuditEvents" not in flat(diagnostics):
            out.append(
                Violation("sql-hardened", name, "no diagnostic setting routes SQLSecurityAuditEvents to Log Analytics")
            )
        alerts = children.get("microsoft.sql/servers/securityalertpolicies", [])
        if not any(
            get_path(a, "properties.state") == "Enabled" and not get_path(a, "properties.disabledAlerts")
            for a in alerts
        ):
            out.append(Violation("sql-hardened", name, "server security alert policy must be enabled for all alerts"))
    return out


def rule_service_bus_entities(name: str, template: Template) -> list[Violation]:
    out: list[Violation] = []
    for symbol, res in resources(template, "Microsoft.ServiceBus/namespaces/queues"):
        props = body(res).get("properties") or {}
        where = f"{name}:{symbol}"
        if not isinstance(resolve(template, props.get("maxDeliveryCount")), int):
            out.append(Violation("service-bus-entities", where, "queue needs a maxDeliveryCount"))
        for key in ("deadLetteringOnMessageExpiration", "requiresDuplicateDetection"):
            if resolve(template, props.get(key)) is not True:
                out.append(Violation("service-bus-entities", where, f"queue needs {key}: true"))
    return out


TEMPLATE_RULES: dict[str, Rule] = {
    "no-secrets-in-app-settings": rule_no_secrets_in_app_settings,
    "min-tls-1.2": rule_min_tls_12,
    "disable-local-auth": rule_disable_local_auth,
    "no-shared-key": rule_no_shared_key,
    "public-network-access": rule_public_network_access,
    "gpu-pool-tainted": rule_gpu_pool_tainted,
    "role-assignment-name": rule_role_assignment_names,
    "parameters-documented": rule_parameters_documented,
    "no-secret-outputs": rule_no_secret_outputs,
    "key-vault-hardened": rule_key_vault_hardened,
    "sql-hardened": rule_sql_hardened,
    "service-bus-entities": rule_service_bus_entities,
}


def check_template(name: str, template: Template) -> list[Violation]:
    return [v for rule in TEMPLATE_RULES.values() for v in rule(name, template)]


def check_prod_parameters(parameters: dict[str, Any]) -> list[Violation]:
    """The prod parameter file may not loosen what the templates default to."""
    values = {k: v.get("value") for k, v in (parameters.get("parameters") or {}).items()}
    out: list[Violation] = []
    expected = {"publicNetworkAccess": "Disabled", "environmentType": "prod"}
    for key, want in expected.items():
        if values.get(key) != want:
            out.append(Violation("prod-parameters", key, f"is {values.get(key)!r}, must be {want!r}"))
    return out
