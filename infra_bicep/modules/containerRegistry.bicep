metadata description = 'Container registry the AKS kubelet pulls the vLLM and embedding images from (AcrPull, no admin user).'

@description('Name of the registry (5-50 alphanumerics).')
@minLength(5)
@maxLength(50)
param name string

@description('Azure region for the registry.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Registry tier. Premium is needed for private endpoints, zone redundancy and retention policies.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string = 'Premium'

@description('Whether the registry accepts traffic from public networks (private endpoint only when Disabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

var isPremium = skuName == 'Premium'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  // checkov:skip=CKV_AZURE_163: skuName is @allowed Standard or Premium only, the tiers with Defender image scanning; checkov resolves the parameter only intermittently.
  // checkov:skip=CKV_AZURE_166: Quarantine holds every pushed image until a scanner releases it, and no scanner is part of this estate.
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: publicNetworkAccess
    networkRuleBypassOptions: 'AzureServices'
    zoneRedundancy: isPremium ? 'Enabled' : 'Disabled'
    dataEndpointEnabled: isPremium
    policies: {
      quarantinePolicy: {
        status: 'disabled'
      }
      retentionPolicy: {
        days: 30
        status: isPremium ? 'enabled' : 'disabled'
      }
      // Export can only be blocked when public access is off, and then it must be.
      exportPolicy: {
        status: publicNetworkAccess == 'Disabled' && isPremium ? 'disabled' : 'enabled'
      }
    }
  }
}

output id string = registry.id
output name string = registry.name
output loginServer string = registry.properties.loginServer
