"""checkov's Bicep checks pass on infra_bicep, every suppression carries its reason, and the scan is real.

checkov lives in its own virtualenv (`.venv-tools`, made by the Makefile) because its pins clash
with the project's. Without it these tests skip locally and fail under CI, so a CI run can
never go green without the scan.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.infra.bicep_rules import BICEP_ROOT, REPO_ROOT, bicep_files

CHECKOV_CONFIG = BICEP_ROOT / ".checkov.yaml"
# Graph checks whose inline skips checkov 3.3's Bicep runner ignores; each is explained in .checkov.yaml.
CONFIG_SKIPS = {"CKV_AZURE_23", "CKV_AZURE_24", "CKV_AZURE_25"}


def checkov_binary() -> Path:
    configured = os.environ.get("PMARK3_CHECKOV")
    candidate = Path(configured) if configured else REPO_ROOT / ".venv-tools" / "bin" / "checkov"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return candidate
    message = (
        f"checkov not found at {candidate}: run `make test` (it creates .venv-tools with checkov==3.3.30) "
        "or set PMARK3_CHECKOV to a checkov executable"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def run_checkov(directory: Path, *extra: str) -> dict[str, Any]:
    # Offline: no Prisma Cloud guideline download, no update check.
    env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true"}
    proc = subprocess.run(
        [str(checkov_binary()), "-d", str(directory), "--framework", "bicep", "--skip-download", "-o", "json", *extra],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=REPO_ROOT,
        check=False,
    )
    # Exit code 1 means "failed checks"; anything else non-zero is checkov itself breaking.
    assert proc.returncode in (0, 1), f"checkov exited {proc.returncode}:\n{proc.stderr[-3000:]}"
    report = json.loads(proc.stdout)
    if isinstance(report, list):
        (report,) = [r for r in report if r.get("check_type") == "bicep"]
    if "results" not in report:
        # checkov prints only a summary when it found nothing to scan.
        report = {"summary": report, "results": {"passed_checks": [], "failed_checks": [], "skipped_checks": []}}
    return dict(report)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_checkov(BICEP_ROOT, "--config-file", str(CHECKOV_CONFIG))


def test_checkov_has_no_failed_checks(report: dict[str, Any]) -> None:
    failed = [f"{r['check_id']} {r['resource']} ({r['file_path']})" for r in report["results"]["failed_checks"]]
    assert failed == [], "checkov failures:\n" + "\n".join(failed)


def test_checkov_parsed_every_file_and_really_checked(report: dict[str, Any]) -> None:
    # checkov silently drops files its pycep cannot parse; count them as failures.
    assert report["summary"]["parsing_errors"] == 0
    assert report["summary"]["passed"] >= 50
    checked = {r["file_path"].lstrip("/") for r in report["results"]["passed_checks"]}
    for module in ("storage", "functionApp", "sql", "aks", "keyVault", "search", "containerRegistry", "network"):
        assert f"modules/{module}.bicep" in checked, f"checkov ran no check on modules/{module}.bicep"


def test_every_inline_suppression_is_justified(report: dict[str, Any]) -> None:
    skipped = report["results"]["skipped_checks"]
    assert skipped, "expected the documented inline suppressions"
    for record in skipped:
        reason = (record.get("check_result") or {}).get("suppress_comment") or ""
        assert reason != "No comment provided" and len(reason.split()) >= 6, (
            f"{record['check_id']} on {record['resource']} is skipped without a reason"
        )


def test_inline_skip_comments_all_take_effect(report: dict[str, Any]) -> None:
    # A skip comment that checkov does not apply (wrong ID, wrong place) only misleads the reader.
    applied = {(r["file_path"].lstrip("/"), r["check_id"]) for r in report["results"]["skipped_checks"]}
    written = set()
    for path in bicep_files():
        for check_id in re.findall(r"//\s*checkov:skip=([A-Z0-9_]+):", path.read_text(encoding="utf-8")):
            written.add((str(path.relative_to(BICEP_ROOT)), check_id))
    assert written == applied


def test_config_skips_are_only_the_documented_graph_checks() -> None:
    text = CHECKOV_CONFIG.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*-\s*(CKV\w+)\s*$", text, flags=re.MULTILINE))
    assert listed == CONFIG_SKIPS
    for check_id in CONFIG_SKIPS:
        assert re.search(rf"^# {check_id}\s+\S", text, flags=re.MULTILINE), f"{check_id} has no reason in .checkov.yaml"
        on_resource = [p for p in bicep_files() if check_id in p.read_text(encoding="utf-8")]
        assert on_resource, f"{check_id} is not explained on any resource"


BAD_TEMPLATE = """
@description('Location.')
param location string = 'koreacentral'

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stbad'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_0'
    allowBlobPublicAccess: true
    supportsHttpsTrafficOnly: false
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-bad'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enablePurgeProtection: false
  }
}
"""


def test_checkov_fails_a_deliberately_insecure_template(tmp_path: Path) -> None:
    (tmp_path / "bad.bicep").write_text(BAD_TEMPLATE, encoding="utf-8")
    bad = run_checkov(tmp_path)
    failed = {r["check_id"] for r in bad["results"]["failed_checks"]}
    # TLS 1.0 on storage, HTTP allowed, no purge protection on the vault.
    assert {"CKV_AZURE_44", "CKV_AZURE_3", "CKV_AZURE_42"} <= failed
