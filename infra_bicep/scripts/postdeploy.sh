#!/usr/bin/env bash
# Post-deploy steps that ARM cannot do, after `az deployment sub create` (or as an azd postprovision hook):
#   1. the Azure SQL database user for the app's managed identity (grant-sql-access.sql);
#   2. the AI Search index, created by the app's own schema code;
#   3. the gpu_service manifests applied to AKS (images pointed at this environment's registry).
#
# Usage: infra_bicep/scripts/postdeploy.sh <deployment-name>     (reads the deployment's outputs)
#    or: export the outputs as environment variables (azd does) and run it without arguments.
# Needs: az (logged in), sqlcmd (go-sqlcmd), kubectl, and python3 (or $PYTHON) with the project installed.
# In prod (public network access disabled) run it from inside the VNet, e.g. a jump host or a
# self-hosted runner; step 3 goes through `az aks command invoke` and works from anywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"

if [[ $# -ge 1 ]]; then
  # Each output becomes an environment variable of the same UPPER_SNAKE name.
  eval "$(az deployment sub show --name "$1" --query properties.outputs -o json |
    python3 -c 'import json, shlex, sys; [print("export %s=%s" % (k, shlex.quote(str(v["value"])))) for k, v in json.load(sys.stdin).items()]')"
fi

: "${AZURE_RESOURCE_GROUP:?}" "${AZURE_SQL_SERVER_FQDN:?}" "${AZURE_SQL_DATABASE_NAME:?}"
: "${AZURE_IDENTITY_NAME:?}" "${AZURE_CLIENT_ID:?}" "${PMARK3_SEARCH_ENDPOINT:?}"
: "${AZURE_AKS_CLUSTER_NAME:?}" "${AZURE_CONTAINER_REGISTRY_ENDPOINT:?}"

step() { printf '\n== %s\n' "$*"; }

step "1/4 SQL user for ${AZURE_IDENTITY_NAME}"
sqlcmd -S "${AZURE_SQL_SERVER_FQDN}" -d "${AZURE_SQL_DATABASE_NAME}" \
  --authentication-method ActiveDirectoryDefault \
  -i "${here}/grant-sql-access.sql" \
  -v IDENTITY_NAME="${AZURE_IDENTITY_NAME}" -v IDENTITY_CLIENT_ID="${AZURE_CLIENT_ID}"

step "2/4 database schema (Alembic) on ${AZURE_SQL_DATABASE_NAME}"
# Once here, so scaled-out workers never race to create the tables on a first start.
(cd "${repo}" && PMARK3_DATABASE_URL="${PMARK3_DATABASE_URL:?}" "${PYTHON:-python3}" -m pmark3 migrate)

step "3/4 AI Search index at ${PMARK3_SEARCH_ENDPOINT}"
(cd "${repo}" && "${PYTHON:-python3}" -m pmark3.search.azure_schema --endpoint "${PMARK3_SEARCH_ENDPOINT}")

step "4/4 gpu_service manifests on ${AZURE_AKS_CLUSTER_NAME}"
rendered="$(mktemp -d)/gpu_service.yaml"
# The manifests name a placeholder registry; this environment's registry replaces it.
kubectl kustomize "${repo}/gpu_service/k8s" |
  sed "s#pmark3acr\.azurecr\.io#${AZURE_CONTAINER_REGISTRY_ENDPOINT}#g" > "${rendered}"
# command invoke reaches private clusters too, authenticated with the caller's Entra identity.
az aks command invoke \
  --resource-group "${AZURE_RESOURCE_GROUP}" --name "${AZURE_AKS_CLUSTER_NAME}" \
  --command "kubectl apply -f $(basename "${rendered}")" --file "${rendered}"

step "done"
