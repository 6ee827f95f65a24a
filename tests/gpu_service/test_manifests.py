"""gpu_service/k8s: schema validation offline, and the properties that must not regress."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from jsonschema import Draft202012Validator

from gpu_service import serve_command
from pmark3.llm.prompts import (
    MAX_EXAMPLES,
    MAX_HISTORY_TURNS,
    MAX_TURN_CHARS,
    PARSE_MAX_TOKENS,
    FewShotExample,
    ParseContext,
    build_parse_messages,
)
from pmark3.models import Alternative, Turn
from tests.gpu_service.crd_schemas import CRD_SCHEMAS

ROOT = Path(__file__).resolve().parents[2]
GPU = ROOT / "gpu_service"
K8S = GPU / "k8s"
#: The AKS version the cluster runs (oldest we support) and the newest bundled schema.
K8S_VERSIONS = ("1.33.0", kubernetes_validate.latest_version())
FUNCTION_APP_SUBNET = "10.40.2.0/24"


def _docs() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc:
                out.append((path.name, doc))
    return out


DOCS = _docs()


def _kind(kind: str) -> list[dict[str, Any]]:
    return [d for _, d in DOCS if d["kind"] == kind]


def _deployment(name: str) -> dict[str, Any]:
    [dep] = [d for d in _kind("Deployment") if d["metadata"]["name"] == name]
    return dep


def _containers() -> list[tuple[str, dict[str, Any]]]:
    return [
        (d["metadata"]["name"], c) for d in _kind("Deployment") for c in d["spec"]["template"]["spec"]["containers"]
    ]


def _arg(container: dict[str, Any], flag: str) -> str:
    args = container["args"]
    return str(args[args.index(flag) + 1])


def test_kustomization_lists_every_manifest() -> None:
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_builtin_resources_validate_against_kubernetes_schemas(version: str) -> None:
    builtin = [(f, d) for f, d in DOCS if d["kind"] not in CRD_SCHEMAS]
    assert {d["kind"] for _, d in builtin} >= {
        "Namespace",
        "Deployment",
        "Service",
        "Ingress",
        "NetworkPolicy",
        "PodDisruptionBudget",
        "PersistentVolumeClaim",
        "ServiceAccount",
    }
    for name, doc in builtin:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as exc:  # pragma: no cover - the failure message
            pytest.fail(f"{name} {doc['kind']}: {exc.message}")


def test_custom_resources_validate_structurally() -> None:
    crds = [(f, d) for f, d in DOCS if d["kind"] in CRD_SCHEMAS]
    assert {d["kind"] for _, d in crds} == set(CRD_SCHEMAS)
    for name, doc in crds:
        errors = [e.message for e in Draft202012Validator(CRD_SCHEMAS[doc["kind"]]).iter_errors(doc)]
        assert errors == [], f"{name}: {errors}"


def test_crd_schemas_reject_a_broken_scaled_object() -> None:
    [scaled] = _kind("ScaledObject")
    broken = {**scaled, "spec": {**scaled["spec"], "triggers": [{"type": "prometheus", "metadata": {"threshold": 4}}]}}
    assert list(Draft202012Validator(CRD_SCHEMAS["ScaledObject"]).iter_errors(broken))


def test_everything_is_in_the_gpu_namespace() -> None:
    for name, doc in DOCS:
        if doc["kind"] in ("Namespace", "NginxIngressController"):
            continue
        assert doc["metadata"].get("namespace") == "pmark3-gpu", name


@pytest.mark.parametrize("probe", ["startupProbe", "readinessProbe", "livenessProbe"])
def test_probes_hit_health(probe: str) -> None:
    for name, container in _containers():
        spec = container[probe]
        assert spec["httpGet"]["path"] == "/health", name
        assert spec["httpGet"]["port"] in ("http", 8000), name


def test_startup_probe_allows_ten_minutes_for_model_load() -> None:
    for name, container in _containers():
        spec = container["startupProbe"]
        assert spec["periodSeconds"] * spec["failureThreshold"] >= 600, name


def _images() -> list[str]:
    images = [c["image"] for _, c in _containers()]
    images += re.findall(r"^FROM\s+(\S+)", (GPU / "Dockerfile").read_text(), flags=re.M)
    return images


def test_no_latest_tags() -> None:
    images = _images()
    assert len(images) == 3
    for image in images:
        name, _, tag = image.rpartition(":")
        assert name and "/" not in tag, f"{image} has no tag"
        assert tag.lower() != "latest" and "latest" not in tag.lower(), image


def test_vllm_pins_agree() -> None:
    reqs = [
        ln.strip()
        for ln in (GPU / "requirements.txt").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert len(reqs) == 1 and reqs[0].startswith("vllm==")
    pin = reqs[0].split("==")[1]
    [base] = re.findall(r"^FROM\s+(\S+)", (GPU / "Dockerfile").read_text(), flags=re.M)
    assert base == f"vllm/vllm-openai:v{pin}"
    for name, container in _containers():
        assert container["image"].rpartition(":")[2].startswith(f"v{pin}-"), name


def test_gpu_request_equals_tensor_parallel_size() -> None:
    for name, container in _containers():
        tp = int(_arg(container, "--tensor-parallel-size"))
        resources = container["resources"]
        assert int(resources["requests"]["nvidia.com/gpu"]) == tp, name
        assert int(resources["limits"]["nvidia.com/gpu"]) == tp, name
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(resources[kind]), name


def test_hf_token_comes_from_a_secret_reference() -> None:
    assert _kind("Secret") == [], "no Secret may be defined in the manifests"
    text = "\n".join(p.read_text() for p in K8S.glob("*.yaml"))
    assert not re.search(r"hf_[A-Za-z0-9]{20,}", text)
    for name, container in _containers():
        env = {e["name"]: e for e in container.get("env", [])}
        assert "HF_TOKEN" not in env, f"{name}: the token is mounted as a file, not an env literal"
        token_path = env["HF_TOKEN_PATH"]["value"]
        pod = _deployment(name)["spec"]["template"]["spec"]
        secret_volumes = {v["name"]: v["secret"] for v in pod["volumes"] if "secret" in v}
        mounts = [m for m in container["volumeMounts"] if m["name"] in secret_volumes]
        assert len(mounts) == 1 and mounts[0].get("readOnly") is True, name
        secret = secret_volumes[mounts[0]["name"]]
        assert secret["secretName"] == "hf-token"
        assert token_path == f"{mounts[0]['mountPath']}/{secret['items'][0]['path']}"


def test_model_cache_shm_and_gpu_pool() -> None:
    for name, container in _containers():
        pod = _deployment(name)["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod["volumes"]}
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        env = {e["name"]: e.get("value") for e in container["env"]}
        cache_mount = next(p for p in mounts if env["HF_HOME"].startswith(p + "/"))
        assert volumes[mounts[cache_mount]]["persistentVolumeClaim"]["claimName"] == "model-cache"
        assert volumes[mounts["/dev/shm"]]["emptyDir"]["medium"] == "Memory"
        assert pod["nodeSelector"] == {"pool": "gpu"}
        assert {"key": "sku", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"} in pod["tolerations"]
        assert pod["automountServiceAccountToken"] is False


def test_serving_flags() -> None:
    llm = _deployment("pmark3-llm")["spec"]["template"]["spec"]["containers"][0]
    assert _arg(llm, "--served-model-name") == "pmark3-llm"
    assert "--enable-prefix-caching" in llm["args"]
    assert '"backend": "xgrammar"' in _arg(llm, "--structured-outputs-config")
    assert 0.5 <= float(_arg(llm, "--gpu-memory-utilization")) <= 0.95
    embed = _deployment("pmark3-embed")["spec"]["template"]["spec"]["containers"][0]
    assert embed["args"][0] == "intfloat/multilingual-e5-small"
    assert _arg(embed, "--served-model-name") == "pmark3-embed"
    assert _arg(embed, "--runner") == "pooling"


def test_max_model_len_fits_the_worst_case_parse_prompt() -> None:
    """Conservative token estimate: 1.5 tokens per non-ASCII character, 1 per 3 ASCII characters."""
    long_ko = ("급수펌프 B 진동 심함 긴급 " * 200)[:MAX_TURN_CHARS]
    history = [Turn(role="user" if i % 2 == 0 else "assistant", text=long_ko) for i in range(MAX_HISTORY_TURNS + 4)]
    context = ParseContext(
        candidates={
            f: [Alternative(value="2LAC20AP001", confidence=0.5, label="보일러급수펌프 B")] * 3
            for f in ("unit", "kks_system", "kks", "equipment_type", "status_code", "priority")
        },
        examples=[FewShotExample(text=long_ko, codes={"unit": "2"})] * (MAX_EXAMPLES + 3),
    )
    messages = build_parse_messages(("2호기 급수펌프 " * 100)[:1000], history, context)
    text = "".join(m["content"] for m in messages)
    ascii_chars = sum(1 for c in text if ord(c) < 128)
    estimate = ascii_chars / 3 + (len(text) - ascii_chars) * 1.5 + 10 * len(messages)
    llm = _deployment("pmark3-llm")["spec"]["template"]["spec"]["containers"][0]
    assert estimate + PARSE_MAX_TOKENS <= int(_arg(llm, "--max-model-len"))


def test_network_policy_admits_only_the_function_app_subnet() -> None:
    [policy] = _kind("NetworkPolicy")
    selector = policy["spec"]["podSelector"]["matchLabels"]
    for dep in _kind("Deployment"):
        labels = dep["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items(), dep["metadata"]["name"]
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    ip_blocks = [
        peer["ipBlock"]["cidr"] for rule in policy["spec"]["ingress"] for peer in rule["from"] if "ipBlock" in peer
    ]
    assert ip_blocks == [FUNCTION_APP_SUBNET]
    for rule in policy["spec"]["ingress"]:
        assert rule["from"], "an empty 'from' would admit everyone"
        assert [p["port"] for p in rule["ports"]] == [8000]
    [ingress] = _kind("Ingress")
    assert (
        ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/whitelist-source-range"] == FUNCTION_APP_SUBNET
    )


def test_ingress_is_internal_and_services_are_cluster_ip() -> None:
    [controller] = _kind("NginxIngressController")
    [ingress] = _kind("Ingress")
    assert ingress["spec"]["ingressClassName"] == controller["spec"]["ingressClassName"]
    annotations = controller["spec"]["loadBalancerAnnotations"]
    assert annotations["service.beta.kubernetes.io/azure-load-balancer-internal"] == "true"
    services = {s["metadata"]["name"]: s for s in _kind("Service")}
    assert all(s["spec"]["type"] == "ClusterIP" for s in services.values())
    backends = {p["backend"]["service"]["name"] for r in ingress["spec"]["rules"] for p in r["http"]["paths"]}
    assert backends == set(services) == {d["metadata"]["name"] for d in _kind("Deployment")}


def test_pdbs_and_autoscaling_target_the_deployments() -> None:
    deployments = {d["metadata"]["name"]: d for d in _kind("Deployment")}
    for pdb in _kind("PodDisruptionBudget"):
        matches = [
            n
            for n, d in deployments.items()
            if pdb["spec"]["selector"]["matchLabels"].items() <= d["spec"]["template"]["metadata"]["labels"].items()
        ]
        assert len(matches) == 1
    assert {
        p["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"] for p in _kind("PodDisruptionBudget")
    } == set(deployments)
    [scaled] = _kind("ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == "pmark3-llm"
    [trigger] = scaled["spec"]["triggers"]
    assert trigger["type"] == "prometheus"
    assert "vllm:num_requests_waiting" in trigger["metadata"]["query"]
    assert all(t["type"] not in ("cpu", "memory") for t in scaled["spec"]["triggers"])
    assert _kind("HorizontalPodAutoscaler") == []  # KEDA owns the HPA


def test_service_monitor_scrapes_the_services_metrics_port() -> None:
    [monitor] = _kind("ServiceMonitor")
    selector = monitor["spec"]["selector"]["matchLabels"]
    services = _kind("Service")
    assert all(selector.items() <= s["metadata"]["labels"].items() for s in services)
    [endpoint] = monitor["spec"]["endpoints"]
    assert endpoint["path"] == "/metrics"
    assert all(endpoint["port"] in {p["name"] for p in s["spec"]["ports"]} for s in services)


def test_containers_run_restricted() -> None:
    for name, container in _containers():
        pod = _deployment(name)["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        sc = container["securityContext"]
        assert sc["allowPrivilegeEscalation"] is False and sc["capabilities"]["drop"] == ["ALL"]
        assert sc["readOnlyRootFilesystem"] is True
    [ns] = _kind("Namespace")
    assert ns["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


def test_vm_command_serves_what_aks_serves() -> None:
    for target, deployment in (("llm", "pmark3-llm"), ("embed", "pmark3-embed")):
        container = _deployment(deployment)["spec"]["template"]["spec"]["containers"][0]
        docker = serve_command.command(target)
        assert docker[-len(container["args"]) :] == container["args"]
        pip = serve_command.command(target, pip=True)
        assert pip[:3] == ["vllm", "serve", container["args"][0]]
        assert _arg({"args": pip}, "--host") == "127.0.0.1"
        assert _arg({"args": pip}, "--served-model-name") == _arg(container, "--served-model-name")
    llm_pip = serve_command.command("llm", pip=True, gpu_memory_utilization=0.8)
    template = Path(_arg({"args": llm_pip}, "--chat-template"))
    assert template == GPU / "chat_template.jinja" and template.exists()
    assert _arg({"args": llm_pip}, "--gpu-memory-utilization") == "0.8"
    assert shlex.split(shlex.join(llm_pip)) == llm_pip


def test_chat_template_is_the_one_the_image_ships() -> None:
    dockerfile = (GPU / "Dockerfile").read_text()
    assert f"COPY chat_template.jinja {serve_command.IMAGE_TEMPLATE}" in dockerfile
    llm = _deployment("pmark3-llm")["spec"]["template"]["spec"]["containers"][0]
    assert _arg(llm, "--chat-template") == serve_command.IMAGE_TEMPLATE
    template = (GPU / "chat_template.jinja").read_text()
    # Non-thinking generation prompt: an empty think block, so no reasoning tokens are spent.
    assert "<|im_start|>assistant\\n<think>\\n\\n</think>\\n\\n" in template
