"""infra_bicep holds its security rules: the real templates pass, deliberately bad ones fail.

No Bicep CLI can be installed here, so these tests also do the offline part of a build:
every file parses with pycep (checkov's parser), module calls match module parameters,
and the parameter files match main.bicep.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.infra.bicep_rules import (
    BICEP_ROOT,
    REPO_ROOT,
    TEMPLATE_RULES,
    Template,
    Violation,
    bicep_files,
    body,
    check_prod_parameters,
    check_template,
    decorator_types,
    flat,
    get_path,
    guid_args,
    guid_literals,
    parse_bicep,
    parse_file,
    resources,
    role_key,
    walk_keys,
)

MODULES = BICEP_ROOT / "modules"
# Identity-specific values that differ per tenant and are given on the command line (docs/deploy-azure.md).
COMMAND_LINE_PARAMETERS = {"sqlEntraAdminLogin", "sqlEntraAdminObjectId"}


@cache
def parsed(path: Path) -> Template:
    return parse_file(path)


def template(relative: str) -> Template:
    return parsed(BICEP_ROOT / relative)


def parameter_file(env: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((BICEP_ROOT / f"main.parameters.{env}.json").read_text(encoding="utf-8"))
    return data


def ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(BICEP_ROOT)) for p in paths]


ALL_FILES = bicep_files()


def test_infra_bicep_has_main_and_modules() -> None:
    names = {str(p.relative_to(BICEP_ROOT)) for p in ALL_FILES}
    assert "main.bicep" in names
    expected = {
        "functionApp",
        "durableTaskScheduler",
        "serviceBus",
        "search",
        "sql",
        "aks",
        "containerRegistry",
        "keyVault",
        "monitoring",
        "network",
        "privateEndpoint",
        "identity",
        "storage",
        "roleAssignments",
    }
    assert {f"modules/{m}.bicep" for m in expected} <= names


@pytest.mark.parametrize("path", ALL_FILES, ids=ids(ALL_FILES))
def test_real_template_passes_every_rule(path: Path) -> None:
    violations = check_template(str(path.relative_to(BICEP_ROOT)), parsed(path))
    assert violations == [], "\n".join(map(str, violations))


@pytest.mark.parametrize("path", ALL_FILES, ids=ids(ALL_FILES))
def test_no_role_or_other_guid_literal_outside_roles_json(path: Path) -> None:
    assert guid_literals(path.read_text(encoding="utf-8")) == []


def test_roles_json_is_the_single_source_of_role_ids() -> None:
    roles: dict[str, str] = json.loads((BICEP_ROOT / "roles.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", v) for v in roles.values()), roles
    assert len(set(roles.values())) == len(roles), "two names for one role"
    used = set()
    for path in ALL_FILES:
        tpl = parsed(path)
        for _, res in resources(tpl, "Microsoft.Authorization/roleAssignments"):
            args = guid_args(body(res).get("name")) or []
            key = role_key(tpl, args[2]) if len(args) == 3 else None
            assert key in roles, f"{path.name}: role {key!r} is not in roles.json"
            used.add(key)
    assert used == set(roles), f"roles.json lists unused roles: {set(roles) - used}"


def role_assignments_by_principal(tpl: Template) -> dict[str, set[str]]:
    granted: dict[str, set[str]] = {}
    for _, res in resources(tpl, "Microsoft.Authorization/roleAssignments"):
        config = body(res)
        principal = str(get_path(config, "properties.principalId"))
        args = guid_args(config.get("name")) or []
        granted.setdefault(principal, set()).add(str(role_key(tpl, args[2])))
    return granted


def test_app_identity_gets_exactly_the_issue_roles() -> None:
    granted = role_assignments_by_principal(template("modules/roleAssignments.bicep"))
    assert granted["appPrincipalId"] == {
        "serviceBusDataReceiver",
        "serviceBusDataSender",
        "searchIndexDataContributor",
        "storageBlobDataContributor",
        "storageQueueDataContributor",
        "storageTableDataContributor",
        "durableTaskDataContributor",
        "keyVaultSecretsUser",
        # App Insights with local auth off accepts telemetry only from this role.
        "monitoringMetricsPublisher",
    }
    assert granted["kubeletPrincipalId"] == {"acrPull"}
    # Nothing broader than data-plane roles: no Owner/Contributor-style role names at all.
    assert not any(re.search(r"(?i)^(owner|contributor)$", role) for roles in granted.values() for role in roles)


def test_service_bus_roles_are_scoped_to_the_entities_not_the_namespace() -> None:
    tpl = template("modules/roleAssignments.bicep")
    scopes = {}
    for _, res in resources(tpl, "Microsoft.Authorization/roleAssignments"):
        config = body(res)
        args = guid_args(config.get("name")) or []
        scopes[role_key(tpl, args[2])] = config.get("scope")
    assert scopes["serviceBusDataReceiver"] == "requestQueue"
    assert scopes["serviceBusDataSender"] == "resultTopic"
    assert scopes["durableTaskDataContributor"] == "taskHub"


# --- main.bicep wiring: what `bicep build` would reject ---------------------------------


def module_calls(tpl: Template) -> list[tuple[str, str, dict[str, Any]]]:
    calls = []
    for symbol, module in (tpl.get("modules") or {}).items():
        config = module.get("config") or {}
        while isinstance(config.get("config"), dict) and ("condition" in config or "loop_type" in config):
            config = config["config"]
        calls.append((symbol, str(get_path(module, "detail.path")), config.get("params") or {}))
    return calls


def test_main_module_calls_match_module_parameters() -> None:
    main = template("main.bicep")
    calls = module_calls(main)
    assert len(calls) >= 14
    for symbol, path, params in calls:
        module_file = BICEP_ROOT / path
        assert module_file.is_file(), f"{symbol}: {path} does not exist"
        declared = parsed(module_file).get("parameters") or {}
        unknown = set(params) - set(declared)
        missing = {p for p, spec in declared.items() if spec.get("default") is None and p not in params}
        assert not unknown, f"{symbol} passes parameters {path} does not declare: {unknown}"
        assert not missing, f"{symbol} omits required parameters of {path}: {missing}"
        main_params = main.get("parameters") or {}
        python_types = {"string": str, "int": int, "bool": bool, "object": dict, "array": list}
        for name, value in params.items():
            want = declared[name]["type"]
            if isinstance(value, str) and value in main_params:
                got = main_params[value]["type"]
                assert got == want, f"{symbol}.{name}: main passes {got} parameter {value}, module expects {want}"
            elif isinstance(value, bool | int) and not isinstance(value, dict):
                assert isinstance(value, python_types[want]), f"{symbol}.{name}: literal {value!r} is not a {want}"
        if "publicNetworkAccess" in params:
            # Every service follows the one environment switch; none may hard-code its own.
            assert params["publicNetworkAccess"] == "publicNetworkAccess", symbol


def output_refs(obj: Any) -> list[tuple[str, str]]:
    """Every `<module>.outputs.<name>`, as an expression or inside an interpolated string."""
    refs = []
    for _, key, value in walk_keys({"root": obj}):
        if key == "operator" and isinstance(value, dict) and value.get("type") == "property_accessor":
            first, second = value["operands"]["operand_1"], value["operands"]["operand_2"]
            inner = get_path(second, "operator.operands") if isinstance(second, dict) else None
            if isinstance(first, str) and inner and inner.get("operand_1") == "outputs":
                refs.append((first, str(inner.get("operand_2"))))
        elif isinstance(value, str):
            refs.extend(re.findall(r"(\w+)\.outputs\.(\w+)", value))
    return refs


def test_main_reads_only_outputs_its_modules_declare() -> None:
    main = template("main.bicep")
    modules = {symbol: path for symbol, path, _ in module_calls(main)}
    refs = output_refs(main)
    assert len(refs) > 40
    for symbol, output in refs:
        declared = parsed(BICEP_ROOT / modules[symbol]).get("outputs") or {}
        assert output in declared, f"main.bicep reads {symbol}.outputs.{output}, which {modules[symbol]} lacks"


def test_main_outputs_are_upper_snake_and_cover_the_app_settings() -> None:
    outputs = set(template("main.bicep").get("outputs") or {})
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", o) for o in outputs), outputs
    assert {
        "AZURE_CLIENT_ID",
        "AZURE_RESOURCE_GROUP",
        "AZURE_FUNCTION_APP_NAME",
        "AZURE_IDENTITY_NAME",
        "PMARK3_SEARCH_ENDPOINT",
        "PMARK3_DATABASE_URL",
        "PMARK3_SERVICEBUS_NAMESPACE",
        "TASKHUB_NAME",
        "DURABLE_TASK_SCHEDULER_ENDPOINT",
        "AZURE_SQL_SERVER_FQDN",
        "AZURE_SQL_DATABASE_NAME",
        "AZURE_AKS_CLUSTER_NAME",
    } <= outputs


def test_names_come_from_resource_token_and_abbreviations() -> None:
    main_text = (BICEP_ROOT / "main.bicep").read_text(encoding="utf-8")
    assert "loadJsonContent('abbreviations.json')" in main_text
    assert "uniqueString(subscription().id, environmentName, location)" in main_text
    abbrs = json.loads((BICEP_ROOT / "abbreviations.json").read_text(encoding="utf-8"))
    for key in re.findall(r"abbrs\.(\w+)", main_text):
        assert key in abbrs, f"abbreviations.json lacks {key}"
    for _symbol, _path, params in module_calls(template("main.bicep")):
        for name_param in ("name", "serverName", "planName"):
            value = params.get(name_param)
            if isinstance(value, str) and "${" in value:
                assert "resourceToken" in value or ".outputs." in value or "functionAppName" in value, value


# --- parameter files --------------------------------------------------------------------


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_parameter_file_matches_main(env: str) -> None:
    declared = template("main.bicep").get("parameters") or {}
    values = {k: v["value"] for k, v in parameter_file(env)["parameters"].items()}
    assert set(values) <= set(declared), f"unknown parameters: {set(values) - set(declared)}"
    required = {p for p, spec in declared.items() if spec.get("default") is None}
    assert required - set(values) == COMMAND_LINE_PARAMETERS
    python_types = {"string": str, "int": int, "bool": bool, "object": dict, "array": list}
    for name, value in values.items():
        spec = declared[name]
        assert isinstance(value, python_types[spec["type"]]), f"{name}={value!r} is not a {spec['type']}"
        for decorator in spec.get("decorators") or []:
            if decorator.get("type") == "allowed":
                assert value in decorator["argument"], f"{name}={value!r} not in @allowed"


def test_prod_parameters_keep_public_access_off_and_prod_settings() -> None:
    prod = parameter_file("prod")
    assert check_prod_parameters(prod) == []
    values = {k: v["value"] for k, v in prod["parameters"].items()}
    assert values["sqlBackupRetentionDays"] == 35
    assert values["sqlBackupStorageRedundancy"] in {"Geo", "GeoZone"}
    assert values["serviceBusSku"] == "Premium" and values["containerRegistrySku"] == "Premium"
    assert (values["aksGpuMinCount"], values["aksGpuMaxCount"]) == (1, 4)


def test_prod_parameter_rule_catches_public_access() -> None:
    prod = parameter_file("prod")
    prod["parameters"]["publicNetworkAccess"] = {"value": "Enabled"}
    assert [v.where for v in check_prod_parameters(prod)] == ["publicNetworkAccess"]
    del prod["parameters"]["publicNetworkAccess"]
    assert [v.where for v in check_prod_parameters(prod)] == ["publicNetworkAccess"]


def test_main_default_for_public_access_is_disabled() -> None:
    spec = template("main.bicep")["parameters"]["publicNetworkAccess"]
    assert spec["default"] == "Disabled"


def test_sql_zone_redundancy_follows_environment_type() -> None:
    calls = {symbol: params for symbol, _, params in module_calls(template("main.bicep"))}
    assert calls["sql"]["zoneRedundant"] == "isProd"
    assert "environmentType == 'prod'" in (BICEP_ROOT / "main.bicep").read_text(encoding="utf-8")


# --- the resources the issue names ------------------------------------------------------


def site_settings() -> dict[str, str]:
    tpl = template("modules/functionApp.bicep")
    ((_, site),) = resources(tpl, "Microsoft.Web/sites")
    entries = get_path(body(site), "properties.siteConfig.appSettings")
    return {e["name"]: flat(e["value"]) for e in entries}


def test_function_app_settings_are_the_agreed_names_and_identity_based() -> None:
    settings = site_settings()
    assert set(settings) == {
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "DURABLE_TASK_SCHEDULER_CONNECTION_STRING",
        "TASKHUB_NAME",
        "ServiceBusConnection__fullyQualifiedNamespace",
        "ServiceBusConnection__credential",
        "ServiceBusConnection__clientId",
        "AZURE_CLIENT_ID",
        "PMARK3_SEARCH_BACKEND",
        "PMARK3_SEARCH_ENDPOINT",
        "PMARK3_DATABASE_URL",
        "PMARK3_SERVICEBUS_NAMESPACE",
        "PMARK3_LLM_BASE_URL",
        "PMARK3_EMBEDDING_BACKEND",
        "PMARK3_EMBEDDING_BASE_URL",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    }
    assert (
        settings["AzureWebJobsStorage__credential"]
        == settings["ServiceBusConnection__credential"]
        == '"managedidentity"'
    )
    assert (
        "Authentication=ManagedIdentity;ClientID=${identityClientId}"
        in settings["DURABLE_TASK_SCHEDULER_CONNECTION_STRING"]
    )
    assert settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] == '"Authorization=AAD;ClientId=${identityClientId}"'
    assert settings["PMARK3_DATABASE_URL"].startswith('"mssql+pyodbc://@')
    assert "Encrypt=yes" in settings["PMARK3_DATABASE_URL"]
    assert settings["PMARK3_SEARCH_BACKEND"] == '"azure"' and settings["PMARK3_EMBEDDING_BACKEND"] == '"openai"'


def test_function_app_is_flex_python311_with_always_ready_http_and_durable() -> None:
    tpl = template("modules/functionApp.bicep")
    ((_, plan),) = resources(tpl, "Microsoft.Web/serverfarms")
    assert get_path(body(plan), "sku.tier") == "FlexConsumption"
    ((_, site),) = resources(tpl, "Microsoft.Web/sites")
    config = body(site)
    assert get_path(config, "identity.type") == "UserAssigned"
    app = get_path(config, "properties.functionAppConfig")
    assert app["runtime"] == {"name": "python", "version": "3.11"}
    ready = {r["name"]: r["instanceCount"] for r in app["scaleAndConcurrency"]["alwaysReady"]}
    assert ready == {"http": 1, "durable": 1}
    assert get_path(app, "deployment.storage.authentication.type") == "UserAssignedIdentity"
    assert get_path(config, "properties.httpsOnly") is True
    assert get_path(config, "properties.virtualNetworkSubnetId") == "subnetId"


def test_durable_backend_is_the_scheduler_and_matches_host_json() -> None:
    tpl = template("modules/durableTaskScheduler.bicep")
    assert len(list(resources(tpl, "Microsoft.DurableTask/schedulers"))) == 1
    assert len(list(resources(tpl, "Microsoft.DurableTask/schedulers/taskHubs"))) == 1
    assert tpl["parameters"]["taskHubName"]["default"] == "pmark3"
    host = REPO_ROOT / "host.json"
    if not host.is_file():
        pytest.skip("host.json is not in the tree yet; the Bicep side is checked above")
    durable = json.loads(host.read_text(encoding="utf-8")).get("extensions", {}).get("durableTask", {})
    provider = durable.get("storageProvider", {})
    assert provider.get("type") == "azureManaged"
    assert provider.get("connectionStringName") == "DURABLE_TASK_SCHEDULER_CONNECTION_STRING"
    assert durable.get("hubName") == "%TASKHUB_NAME%"


def test_service_bus_entities_are_the_agreed_ones() -> None:
    tpl = template("modules/serviceBus.bicep")
    params = tpl["parameters"]
    assert params["requestQueueName"]["default"] == "maintenance-requests"
    assert params["resultTopicName"]["default"] == "maintenance-results"
    assert params["resultSubscriptionName"]["default"] == "cmms"
    ((_, subscription),) = resources(tpl, "Microsoft.ServiceBus/namespaces/topics/subscriptions")
    assert get_path(body(subscription), "properties.deadLetteringOnMessageExpiration") is True


def test_gpu_pool_is_h100_tainted_and_autoscales_1_to_4() -> None:
    tpl = template("modules/aks.bicep")
    params = tpl["parameters"]
    assert params["gpuVmSize"]["default"] == "Standard_NC40ads_H100_v5"
    assert (params["gpuMinCount"]["default"], params["gpuMaxCount"]["default"]) == (1, 4)
    ((_, pool),) = resources(tpl, "Microsoft.ContainerService/managedClusters/agentPools")
    props = body(pool)["properties"]
    assert props["nodeTaints"] == ["gpuNodeTaint"] and params["gpuNodeTaint"]["default"].endswith(":NoSchedule")
    ((_, cluster),) = resources(tpl, "Microsoft.ContainerService/managedClusters")
    cluster_props = body(cluster)["properties"]
    assert get_path(cluster_props, "securityProfile.workloadIdentity.enabled") is True
    assert get_path(cluster_props, "oidcIssuerProfile.enabled") is True
    assert get_path(cluster_props, "networkProfile.networkPlugin") == "azure"
    assert get_path(cluster_props, "azureMonitorProfile.metrics.enabled") is True
    assert get_path(cluster_props, "disableLocalAccounts") is True
    assert len(list(resources(tpl, "Microsoft.Insights/dataCollectionRuleAssociations"))) == 3


def test_private_endpoints_cover_every_data_service() -> None:
    calls = [
        params for _, path, params in module_calls(template("main.bicep")) if path.endswith("privateEndpoint.bicep")
    ]
    groups = {p["groupId"] for p in calls}
    assert {"blob", "queue", "table", "sqlServer", "searchService", "namespace", "vault", "registry", "sites"} <= groups
    zones = {p["groupId"]: flat(p["privateDnsZoneName"]) for p in calls}
    assert "privatelink.search.windows.net" in zones["searchService"]
    assert "privatelink.servicebus.windows.net" in zones["namespace"]
    assert "privatelink.vaultcore.azure.net" in zones["vault"]


def test_sql_post_deploy_script_grants_the_identity_without_a_password() -> None:
    script = (BICEP_ROOT / "scripts" / "grant-sql-access.sql").read_text(encoding="utf-8")
    assert "FROM EXTERNAL PROVIDER" in script or "TYPE = E" in script
    assert "$(IDENTITY_NAME)" in script and "$(IDENTITY_CLIENT_ID)" in script
    assert not re.search(r"(?i)password\s*=", script)
    shell = (BICEP_ROOT / "scripts" / "postdeploy.sh").read_text(encoding="utf-8")
    assert "grant-sql-access.sql" in shell and "pmark3.search.azure_schema" in shell and "gpu_service" in shell
    assert "-m pmark3 migrate" in shell
    assert os.access(BICEP_ROOT / "scripts" / "postdeploy.sh", os.X_OK)


# --- the rules catch what they are for --------------------------------------------------

SITE = """
@description('Client ID.')
param identityClientId string
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func'
  properties: {
    publicNetworkAccess: 'Disabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      appSettings: [
        %s
      ]
    }
  }
}
"""

BAD_SNIPPETS: dict[str, list[str]] = {
    "no-secrets-in-app-settings": [
        SITE
        % "{\n          name: 'AzureWebJobsStorage'\n          value: 'DefaultEndpointsProtocol=https;AccountName=st;"
        "AccountKey=${st.listKeys().keys[0].value}'\n        }",
        SITE
        % "{\n          name: 'PMARK3_DATABASE_URL'\n          value: 'mssql+pyodbc://admin:hunter2@sql:1433/db'\n        }",
        SITE % "{\n          name: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'\n"
        "          value: 'Endpoint=https://d.durabletask.io;Authentication=None'\n        }",
        """
resource cfg 'Microsoft.Web/sites/config@2024-04-01' = {
  name: 'func/appsettings'
  properties: {
    SEARCH_API_KEY: search.listAdminKeys().primaryKey
  }
}
""",
    ],
    "min-tls-1.2": [
        "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'st'\n  properties: {\n"
        "    minimumTlsVersion: 'TLS1_0'\n  }\n}\n",
        "resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {\n  name: 'sql'\n  properties: {}\n}\n",
        "resource sb 'Microsoft.ServiceBus/namespaces@2024-01-01' = {\n  name: 'sb'\n  properties: {\n"
        "    minimumTlsVersion: '1.0'\n  }\n}\n",
    ],
    "disable-local-auth": [
        "resource sb 'Microsoft.ServiceBus/namespaces@2024-01-01' = {\n  name: 'sb'\n  properties: {\n"
        "    disableLocalAuth: false\n  }\n}\n",
        "resource s 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: 's'\n  properties: {\n"
        "    disableLocalAuth: true\n    authOptions: {\n      apiKeyOnly: {}\n    }\n  }\n}\n",
        "resource ai 'Microsoft.Insights/components@2020-02-02' = {\n  name: 'ai'\n  kind: 'web'\n  properties: {}\n}\n",
    ],
    "no-shared-key": [
        "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'st'\n  properties: {\n"
        "    allowSharedKeyAccess: true\n  }\n}\n",
        "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'st'\n  properties: {}\n}\n",
    ],
    "public-network-access": [
        "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  properties: {\n"
        "    publicNetworkAccess: 'Enabled'\n  }\n}\n",
        "@description('x')\nparam pna string = 'Enabled'\n"
        "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'st'\n  properties: {\n"
        "    publicNetworkAccess: pna\n  }\n}\n",
        "resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {\n  name: 'sql'\n  properties: {}\n}\n",
    ],
    "gpu-pool-tainted": [
        "resource gpu 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {\n  name: 'gpu'\n"
        "  properties: {\n    vmSize: 'Standard_NC40ads_H100_v5'\n    enableAutoScaling: true\n  }\n}\n",
        "resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {\n  name: 'aks'\n  properties: {\n"
        "    agentPoolProfiles: [\n      {\n        name: 'gpu'\n        vmSize: 'Standard_NC40ads_H100_v5'\n"
        "        enableAutoScaling: true\n        nodeTaints: [\n          'sku=gpu'\n        ]\n      }\n    ]\n  }\n}\n",
        "resource gpu 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {\n  name: 'gpu'\n"
        "  properties: {\n    vmSize: 'Standard_NC40ads_H100_v5'\n    nodeTaints: [\n"
        "      'nvidia.com/gpu=present:NoSchedule'\n    ]\n  }\n}\n",
    ],
    "role-assignment-name": [
        "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: 'my-assignment'\n  scope: st\n"
        "  properties: {\n    principalId: principalId\n  }\n}\n",
        "var roles = loadJsonContent('roles.json')\n"
        "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(principalId, roles.acrPull)\n"
        "  scope: st\n  properties: {\n    principalId: principalId\n  }\n}\n",
        "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n"
        "  name: guid(st.id, principalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')\n  scope: st\n  properties: {\n"
        "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
        "'ba92f5b4-2d11-453d-a403-e96b0029c9fe')\n    principalId: principalId\n  }\n}\n",
        "var roles = loadJsonContent('roles.json')\n"
        "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n"
        "  name: guid(kv.id, principalId, roles.keyVaultSecretsUser)\n  scope: st\n  properties: {\n"
        "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
        "roles.keyVaultSecretsUser)\n    principalId: principalId\n  }\n}\n",
        "var roles = loadJsonContent('roles.json')\n"
        "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n"
        "  name: guid(st.id, principalId, roles.acrPull)\n  scope: st\n  properties: {\n"
        "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.owner)\n"
        "    principalId: principalId\n  }\n}\n",
    ],
    "parameters-documented": [
        "param location string\n",
        "@description('SQL admin password.')\nparam adminPassword string\n",
    ],
    "no-secret-outputs": [
        "output storageKey string = st.listKeys().keys[0].value\n",
        "@secure()\n@description('x')\nparam token string\noutput T string = token\n",
    ],
    "key-vault-hardened": [
        "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  properties: {\n"
        "    enableRbacAuthorization: true\n    enableSoftDelete: true\n    enablePurgeProtection: false\n  }\n}\n",
    ],
    "sql-hardened": [
        "resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {\n  name: 'sql'\n  properties: {\n"
        "    administratorLogin: 'sa'\n    administratorLoginPassword: pw\n  }\n}\n",
        "resource db 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {\n  name: 'db'\n}\n",
    ],
    "service-bus-entities": [
        "resource q 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {\n  name: 'q'\n  properties: {\n"
        "    maxDeliveryCount: 5\n    deadLetteringOnMessageExpiration: true\n  }\n}\n",
    ],
}

BAD_CASES = [(rule, i, snippet) for rule, snippets in BAD_SNIPPETS.items() for i, snippet in enumerate(snippets)]


def test_every_rule_has_a_bad_snippet() -> None:
    assert set(BAD_SNIPPETS) == set(TEMPLATE_RULES)


@pytest.mark.parametrize(("rule", "index", "snippet"), BAD_CASES, ids=[f"{r}-{i}" for r, i, _ in BAD_CASES])
def test_rule_catches_bad_snippet(rule: str, index: int, snippet: str) -> None:
    violations: list[Violation] = TEMPLATE_RULES[rule]("snippet.bicep", parse_bicep(snippet))
    assert violations, f"{rule} missed snippet {index}"
    assert {v.rule for v in violations} == {rule}


def test_guid_literal_check_catches_an_inline_role_id() -> None:
    assert guid_literals(BAD_SNIPPETS["role-assignment-name"][2]) == ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] * 2


GOOD_ROLE_ASSIGNMENT = """
var roles = loadJsonContent('roles.json')
@description('Principal.')
param principalId string
resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(st.id, principalId, roles.acrPull)
  scope: st
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
"""


def test_rules_accept_compliant_snippets() -> None:
    good_site = (
        SITE % "{\n          name: 'AzureWebJobsStorage__credential'\n          value: 'managedidentity'\n        }"
    )
    for snippet in (GOOD_ROLE_ASSIGNMENT, good_site):
        assert check_template("snippet.bicep", parse_bicep(snippet)) == []


def test_secure_decorator_is_recognised() -> None:
    tpl = parse_bicep("@secure()\n@description('SQL admin password.')\nparam adminPassword string\n")
    assert decorator_types(tpl["parameters"]["adminPassword"]) == {"secure", "description"}
    assert TEMPLATE_RULES["parameters-documented"]("s", tpl) == []


# --- agreement with gpu_service/k8s (another team's manifests) ---------------------------

GPU_MANIFESTS = REPO_ROOT / "gpu_service" / "k8s"


def gpu_documents() -> list[dict[str, Any]]:
    if not GPU_MANIFESTS.is_dir():
        pytest.skip("gpu_service/k8s is not in the tree")
    yaml = pytest.importorskip("yaml")
    docs: list[dict[str, Any]] = []
    for path in sorted(GPU_MANIFESTS.glob("*.yaml")):
        docs.extend(d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if isinstance(d, dict))
    return docs


def test_gpu_deployments_tolerate_the_taint_and_select_the_label() -> None:
    params = template("modules/aks.bicep")["parameters"]
    key_value, effect = params["gpuNodeTaint"]["default"].split(":")
    key, value = key_value.split("=")
    ((_, pool),) = resources(template("modules/aks.bicep"), "Microsoft.ContainerService/managedClusters/agentPools")
    labels = body(pool)["properties"]["nodeLabels"]
    deployments = [d for d in gpu_documents() if d.get("kind") == "Deployment"]
    assert deployments
    for deployment in deployments:
        spec = deployment["spec"]["template"]["spec"]
        tolerations = spec.get("tolerations") or []
        assert {"key": key, "value": value, "effect": effect} in [
            {k: t.get(k) for k in ("key", "value", "effect")} for t in tolerations
        ], deployment["metadata"]["name"]
        assert spec.get("nodeSelector", {}).items() <= labels.items()


def test_gpu_ingress_admits_the_function_app_subnet() -> None:
    subnet = template("modules/network.bicep")["parameters"]["functionSubnetPrefix"]["default"]
    text = flat(gpu_documents())
    allowed = set(re.findall(r"\b\d+\.\d+\.\d+\.\d+/\d+\b", text))
    assert allowed, "gpu_service/k8s names no source CIDR"
    assert allowed == {subnet}, f"gpu_service admits {allowed}, the Function App integrates from {subnet}"


def test_deploy_guide_gives_the_commands_and_post_deploy_steps() -> None:
    guide = (REPO_ROOT / "docs" / "deploy-azure.md").read_text(encoding="utf-8")
    for needed in (
        "az deployment sub create",
        "main.parameters.dev.json",
        "main.parameters.prod.json",
        "infra_bicep/scripts/postdeploy.sh",
        "grant-sql-access.sql",
        "python -m pmark3.search.azure_schema --endpoint",
        "gpu_service/k8s",
        "func azure functionapp publish",
    ):
        assert needed in guide, f"docs/deploy-azure.md lacks {needed!r}"
    for parameter in COMMAND_LINE_PARAMETERS:
        assert f"{parameter}=" in guide, f"the guide never shows how to pass {parameter}"


def test_azd_parameter_file_only_maps_environment_variables() -> None:
    # azd reads main.parameters.json and substitutes ${VAR} from the azd environment.
    declared = template("main.bicep").get("parameters") or {}
    values = {
        k: v["value"]
        for k, v in json.loads((BICEP_ROOT / "main.parameters.json").read_text(encoding="utf-8"))["parameters"].items()
    }
    assert set(values) <= set(declared)
    assert all(re.fullmatch(r"\$\{[A-Z][A-Z0-9_]*\}", v) for v in values.values()), values
    required = {p for p, spec in declared.items() if spec.get("default") is None}
    assert required <= set(values)


def declared_symbols(tpl: Template) -> set[str]:
    return {name for section in ("parameters", "variables", "resources", "modules") for name in tpl.get(section) or {}}


def referenced_symbols(tpl: Template) -> set[str]:
    """Symbols used as `x.y`, in `${x...}`, or as parent/scope/dependsOn: what bicep build resolves."""
    refs: set[str] = set()

    def accessor_tail(value: Any) -> None:
        # In `a.b.c` pycep nests `b.c` as the second operand; only `a` is a symbol.
        operands = get_path(value, "operator.operands")
        if isinstance(operands, dict) and get_path(value, "operator.type") == "property_accessor":
            if not isinstance(operands["operand_1"], str):
                visit(operands["operand_1"])
            accessor_tail(operands["operand_2"])
        elif not isinstance(value, str):
            visit(value)

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            operands = get_path(value, "operator.operands")
            if isinstance(operands, dict) and get_path(value, "operator.type") == "property_accessor":
                first = operands["operand_1"]
                if isinstance(first, str):
                    refs.add(first)
                else:
                    visit(first)
                accessor_tail(operands["operand_2"])
                return
            for key, item in value.items():
                if key in {"parent", "scope"} and isinstance(item, str):
                    refs.add(item)
                elif key == "dependsOn" and isinstance(item, list):
                    refs.update(v for v in item if isinstance(v, str))
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, str):
            refs.update(re.findall(r"\$\{\s*!?\s*([A-Za-z_]\w*)(?![\w(])", value))

    visit({k: tpl.get(k) for k in ("variables", "resources", "modules", "outputs")})
    return refs


BARE_VALUE = re.compile(r"^\s*(?:[\w'-]+\s*:\s*)?([A-Za-z_]\w*)\s*(?://.*)?$")


def bare_identifiers(text: str) -> set[str]:
    """`key: someName` and array lines `someName`: pycep reads these like literals, so check the source."""
    names = set()
    for line in text.splitlines():
        match = BARE_VALUE.match(line)
        if match and match.group(1) not in {"true", "false", "null"}:
            names.add(match.group(1))
    return names


@pytest.mark.parametrize("path", ALL_FILES, ids=ids(ALL_FILES))
def test_every_referenced_symbol_is_declared(path: Path) -> None:
    tpl = parsed(path)
    undefined = (referenced_symbols(tpl) | bare_identifiers(path.read_text(encoding="utf-8"))) - declared_symbols(tpl)
    assert not undefined, f"{path.name} references undeclared symbols: {sorted(undefined)}"


def test_symbol_check_catches_a_typo() -> None:
    tpl = parse_bicep(
        "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {\n  name: 'st'\n}\n"
        "output a string = stroage.id\noutput b string = '${st.name}-${missing}'\n"
    )
    assert referenced_symbols(tpl) - declared_symbols(tpl) == {"stroage", "missing"}
    assert bare_identifiers("  location: locaton\n  tags: {}\n  dependsOn: [\n    sotrage\n  ]\n  x: true\n") == {
        "locaton",
        "sotrage",
    }


@pytest.mark.parametrize("path", ALL_FILES, ids=ids(ALL_FILES))
def test_no_unused_parameters_or_variables(path: Path) -> None:
    # The Bicep linter's no-unused-params/no-unused-vars, which AVM treats as errors.
    text = re.sub(r"(^|\s)//.*", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    tpl = parsed(path)
    unused = [
        name
        for section in ("parameters", "variables")
        for name in tpl.get(section) or {}
        if len(re.findall(rf"(?<![\w.']){re.escape(name)}\b", text)) < 2
    ]
    assert unused == [], f"{path.name}: declared but never used: {unused}"
