metadata description = 'Azure AI Search with key auth disabled: every data-plane call carries an Entra token checked against RBAC.'

@description('Name of the search service.')
param name string

@description('Azure region for the service.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Pricing tier. basic or higher is needed for private endpoints.')
@allowed([
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param skuName string = 'standard'

@description('Replicas: 2 give a read SLA, 3 give a read-write SLA.')
@minValue(1)
@maxValue(12)
param replicaCount int = 3

@description('Partitions (index size and indexing throughput).')
@allowed([
  1
  2
  3
  4
  6
  12
])
param partitionCount int = 1

@description('Whether the service accepts traffic from public networks (private endpoint only when Disabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: partitionCount
    hostingMode: 'default'
    // Admin and query keys stop working; authOptions must then be left unset.
    disableLocalAuth: true
    // This API version spells the values in lower case.
    publicNetworkAccess: toLower(publicNetworkAccess)
  }
}

output id string = search.id
output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
