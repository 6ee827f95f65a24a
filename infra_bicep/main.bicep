targetScope = 'subscription'

metadata description = 'PMark3 on Azure: Flex Consumption Function App, Durable Task Scheduler, Service Bus, AI Search, Azure SQL, AKS (vLLM on H100), Key Vault, monitoring and private networking.'

@description('Environment name (e.g. pmark3-dev, pmark3-prod); names the resource group and seeds the resource token.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Azure region for every resource.')
param location string

@description('dev relaxes cost (no zone redundancy, Standard SKUs); prod gets zone redundancy, 35-day restore and Premium SKUs.')
@allowed([
  'dev'
  'prod'
])
param environmentType string = 'prod'

@description('Public network access for SQL, Search, Service Bus, Storage, Key Vault, the registry and the Function App. Disabled (the default) leaves only private endpoints.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Display name of the Entra group (or user) that administers Azure SQL.')
param sqlEntraAdminLogin string

@description('Object ID of that Entra principal.')
param sqlEntraAdminObjectId string

@description('Kind of Entra principal that administers Azure SQL.')
@allowed([
  'Group'
  'User'
  'Application'
])
param sqlEntraAdminPrincipalType string = 'Group'

@description('Azure SQL database SKU.')
param sqlSkuName string = 'GP_Gen5_2'

@description('Days of SQL point-in-time restore.')
@minValue(7)
@maxValue(35)
param sqlBackupRetentionDays int = 35

@description('SQL backup storage redundancy.')
@allowed([
  'Geo'
  'GeoZone'
  'Zone'
  'Local'
])
param sqlBackupStorageRedundancy string = 'Geo'

@description('AI Search tier.')
@allowed([
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param searchSku string = 'standard'

@description('AI Search replicas (3 for the read-write SLA).')
@minValue(1)
@maxValue(12)
param searchReplicaCount int = 3

@description('AI Search partitions.')
@allowed([
  1
  2
  3
  4
  6
  12
])
param searchPartitionCount int = 1

@description('Service Bus tier; Premium is needed for the private endpoint.')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Premium'

@description('Durable Task Scheduler SKU.')
@allowed([
  'Consumption'
  'Dedicated'
])
param durableTaskSchedulerSku string = 'Consumption'

@description('IP ranges allowed to reach the Durable Task Scheduler endpoint (access still needs an Entra role).')
param durableTaskSchedulerIpAllowlist array = [
  '0.0.0.0/0'
]

@description('Container registry tier; Premium is needed for the private endpoint.')
@allowed([
  'Standard'
  'Premium'
])
param containerRegistrySku string = 'Premium'

@description('AKS control-plane tier (Standard has the uptime SLA).')
@allowed([
  'Free'
  'Standard'
])
param aksSkuTier string = 'Standard'

@description('Fewest GPU nodes.')
@minValue(0)
@maxValue(4)
param aksGpuMinCount int = 1

@description('Most GPU nodes.')
@minValue(1)
@maxValue(10)
param aksGpuMaxCount int = 4

@description('Encrypt AKS node temp and cache disks at the host (register Microsoft.Compute/EncryptionAtHost first).')
param aksEnableEncryptionAtHost bool = true

@description('Private IP the GPU service internal ingress takes in the AKS subnet; llm.pmark3.internal and embed.pmark3.internal resolve to it inside the VNet. Empty: no records.')
param gpuIngressPrivateIp string = '10.40.11.250'

@description('vLLM OpenAI-compatible base URL behind the AKS internal ingress.')
param llmBaseUrl string = 'https://llm.pmark3.internal/v1'

@description('Embeddings OpenAI-compatible base URL behind the AKS internal ingress.')
param embeddingBaseUrl string = 'https://embed.pmark3.internal/v1'

@description('Object ID of whoever runs the post-deploy steps (search index, manifests); empty grants nothing.')
param deployerPrincipalId string = ''

@description('Kind of the deploying principal.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

@description('Tags applied to every resource.')
param tags object = {}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var isProd = environmentType == 'prod'
var allTags = union(tags, {
  'azd-env-name': environmentName
  application: 'pmark3'
  environment: environmentType
})
var taskHubName = 'pmark3'
var deploymentContainerName = 'app-package-${take(resourceToken, 10)}'
var functionAppName = '${abbrs.webSitesFunctions}pmark3-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: allTags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: allTags
    retentionInDays: isProd ? 90 : 30
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}pmark3-${resourceToken}'
    location: location
    tags: allTags
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    nsgNamePrefix: '${abbrs.networkNetworkSecurityGroups}${resourceToken}-'
    location: location
    tags: allTags
    gpuIngressPrivateIp: gpuIngressPrivateIp
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: allTags
    deploymentContainerName: deploymentContainerName
    skuName: isProd ? 'Standard_ZRS' : 'Standard_LRS'
    publicNetworkAccess: publicNetworkAccess
  }
}

module durableTaskScheduler 'modules/durableTaskScheduler.bicep' = {
  name: 'durableTaskScheduler'
  scope: rg
  params: {
    name: '${abbrs.durableTaskSchedulers}${resourceToken}'
    location: location
    tags: allTags
    taskHubName: taskHubName
    skuName: durableTaskSchedulerSku
    ipAllowlist: durableTaskSchedulerIpAllowlist
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: allTags
    skuName: serviceBusSku
    publicNetworkAccess: publicNetworkAccess
  }
}

module search 'modules/search.bicep' = {
  name: 'search'
  scope: rg
  params: {
    name: '${abbrs.searchSearchServices}${resourceToken}'
    location: location
    tags: allTags
    skuName: searchSku
    replicaCount: searchReplicaCount
    partitionCount: searchPartitionCount
    publicNetworkAccess: publicNetworkAccess
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  scope: rg
  params: {
    serverName: '${abbrs.sqlServers}${resourceToken}'
    databaseName: 'pmark3'
    location: location
    tags: allTags
    entraAdminLogin: sqlEntraAdminLogin
    entraAdminObjectId: sqlEntraAdminObjectId
    entraAdminPrincipalType: sqlEntraAdminPrincipalType
    skuName: sqlSkuName
    zoneRedundant: isProd
    backupRetentionDays: sqlBackupRetentionDays
    backupStorageRedundancy: sqlBackupStorageRedundancy
    publicNetworkAccess: publicNetworkAccess
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: allTags
    publicNetworkAccess: publicNetworkAccess
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module containerRegistry 'modules/containerRegistry.bicep' = {
  name: 'containerRegistry'
  scope: rg
  params: {
    name: '${abbrs.containerRegistryRegistries}${resourceToken}'
    location: location
    tags: allTags
    skuName: containerRegistrySku
    publicNetworkAccess: publicNetworkAccess
  }
}

module aks 'modules/aks.bicep' = {
  name: 'aks'
  scope: rg
  params: {
    name: '${abbrs.containerServiceManagedClusters}${resourceToken}'
    location: location
    tags: allTags
    controlPlaneIdentityName: '${abbrs.managedIdentityUserAssignedIdentities}aks-${resourceToken}'
    virtualNetworkName: network.outputs.name
    subnetName: network.outputs.aksSubnetName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    monitorWorkspaceName: '${abbrs.monitorAccounts}${resourceToken}'
    dataCollectionEndpointName: '${abbrs.insightsDataCollectionEndpoints}prometheus-${resourceToken}'
    dataCollectionRuleName: '${abbrs.insightsDataCollectionRules}prometheus-${resourceToken}'
    containerInsightsRuleName: '${abbrs.insightsDataCollectionRules}containerinsights-${resourceToken}'
    skuTier: aksSkuTier
    privateCluster: publicNetworkAccess == 'Disabled'
    availabilityZones: isProd ? [
      '1'
      '2'
      '3'
    ] : []
    gpuMinCount: aksGpuMinCount
    gpuMaxCount: aksGpuMaxCount
    enableEncryptionAtHost: aksEnableEncryptionAtHost
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: union(allTags, {
      'azd-service-name': 'api'
    })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    subnetId: network.outputs.functionSubnetId
    publicNetworkAccess: publicNetworkAccess
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    durableTaskSchedulerEndpoint: durableTaskScheduler.outputs.endpoint
    taskHubName: durableTaskScheduler.outputs.taskHubName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    searchEndpoint: search.outputs.endpoint
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    llmBaseUrl: llmBaseUrl
    embeddingBaseUrl: embeddingBaseUrl
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    kubeletPrincipalId: aks.outputs.kubeletIdentityObjectId
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    requestQueueName: serviceBus.outputs.requestQueueName
    resultTopicName: serviceBus.outputs.resultTopicName
    searchServiceName: search.outputs.name
    durableTaskSchedulerName: durableTaskScheduler.outputs.name
    taskHubName: durableTaskScheduler.outputs.taskHubName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    containerRegistryName: containerRegistry.outputs.name
    aksClusterName: aks.outputs.name
  }
}

// Private endpoints: one per service sub-resource, each with its privatelink DNS zone linked to the VNet.
module storageBlobEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-storage-blob'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${storage.outputs.name}-blob'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: storage.outputs.id
    groupId: 'blob'
    privateDnsZoneName: 'privatelink.blob.${environment().suffixes.storage}'
  }
}

module storageQueueEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-storage-queue'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${storage.outputs.name}-queue'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: storage.outputs.id
    groupId: 'queue'
    privateDnsZoneName: 'privatelink.queue.${environment().suffixes.storage}'
  }
}

module storageTableEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-storage-table'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${storage.outputs.name}-table'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: storage.outputs.id
    groupId: 'table'
    privateDnsZoneName: 'privatelink.table.${environment().suffixes.storage}'
  }
}

module sqlEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-sql'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${sql.outputs.serverName}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: sql.outputs.id
    groupId: 'sqlServer'
    privateDnsZoneName: 'privatelink${environment().suffixes.sqlServerHostname}'
  }
}

module searchEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-search'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${search.outputs.name}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: search.outputs.id
    groupId: 'searchService'
    privateDnsZoneName: 'privatelink.search.windows.net'
  }
}

module serviceBusEndpoint 'modules/privateEndpoint.bicep' = if (serviceBusSku == 'Premium') {
  name: 'pe-servicebus'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${serviceBus.outputs.name}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: serviceBus.outputs.id
    groupId: 'namespace'
    privateDnsZoneName: 'privatelink.servicebus.windows.net'
  }
}

module keyVaultEndpoint 'modules/privateEndpoint.bicep' = {
  name: 'pe-keyvault'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${keyVault.outputs.name}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: keyVault.outputs.id
    groupId: 'vault'
    privateDnsZoneName: 'privatelink.vaultcore.azure.net'
  }
}

module containerRegistryEndpoint 'modules/privateEndpoint.bicep' = if (containerRegistrySku == 'Premium') {
  name: 'pe-registry'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${containerRegistry.outputs.name}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: containerRegistry.outputs.id
    groupId: 'registry'
    privateDnsZoneName: 'privatelink.azurecr.io'
  }
}

module functionAppEndpoint 'modules/privateEndpoint.bicep' = if (publicNetworkAccess == 'Disabled') {
  name: 'pe-function-app'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${functionAppName}'
    location: location
    tags: allTags
    subnetId: network.outputs.privateEndpointSubnetId
    virtualNetworkId: network.outputs.id
    privateLinkServiceId: functionApp.outputs.id
    groupId: 'sites'
    privateDnsZoneName: 'privatelink.azurewebsites.net'
  }
}

// What the app's settings and the post-deploy steps need; azd writes these into .azure/<env>/.env.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = subscription().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_NAME string = identity.outputs.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output DURABLE_TASK_SCHEDULER_ENDPOINT string = durableTaskScheduler.outputs.endpoint
output TASKHUB_NAME string = durableTaskScheduler.outputs.taskHubName
output PMARK3_SEARCH_ENDPOINT string = search.outputs.endpoint
output PMARK3_SERVICEBUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output PMARK3_DATABASE_URL string = 'mssql+pyodbc://@${sql.outputs.serverFqdn}:1433/${sql.outputs.databaseName}?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=yes'
output AZURE_SQL_SERVER_FQDN string = sql.outputs.serverFqdn
output AZURE_SQL_DATABASE_NAME string = sql.outputs.databaseName
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = containerRegistry.outputs.loginServer
output AZURE_AKS_CLUSTER_NAME string = aks.outputs.name
output AZURE_AKS_OIDC_ISSUER_URL string = aks.outputs.oidcIssuerUrl
