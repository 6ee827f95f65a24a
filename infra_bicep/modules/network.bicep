metadata description = 'Virtual network with subnets for Function App integration, AKS nodes and private endpoints, each behind its own NSG.'

@description('Name of the virtual network.')
param name string

@description('Azure region for the network.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Prefix for the network security group names (one per subnet).')
param nsgNamePrefix string

@description('Address space of the virtual network.')
param addressPrefix string = '10.40.0.0/16'

@description('Subnet for Flex Consumption virtual network integration (delegated to Microsoft.App/environments). gpu_service/k8s admits exactly this CIDR at the GPU ingress.')
param functionSubnetPrefix string = '10.40.2.0/24'

@description('Subnet for private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.3.0/24'

@description('Subnet for AKS nodes (Azure CNI overlay: pods take addresses from the overlay CIDR, not from here).')
param aksSubnetPrefix string = '10.40.8.0/22'

@description('Private DNS zone for the GPU service host names (llm.<zone>, embed.<zone>), resolvable only inside the VNet.')
param internalDnsZoneName string = 'pmark3.internal'

@description('Private IP of the GPU service internal ingress load balancer, inside the AKS subnet; empty creates the zone without records.')
param gpuIngressPrivateIp string = '10.40.11.250'

var subnetNames = {
  function: 'snet-function'
  privateEndpoints: 'snet-private-endpoints'
  aks: 'snet-aks'
}

resource functionNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${nsgNamePrefix}function'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource privateEndpointNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${nsgNamePrefix}private-endpoints'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource aksNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${nsgNamePrefix}aks'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: subnetNames.function
        properties: {
          addressPrefix: functionSubnetPrefix
          networkSecurityGroup: {
            id: functionNsg.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                // Flex Consumption integrates through Container Apps infrastructure, hence this delegation.
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: subnetNames.privateEndpoints
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          networkSecurityGroup: {
            id: privateEndpointNsg.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
      {
        name: subnetNames.aks
        properties: {
          addressPrefix: aksSubnetPrefix
          networkSecurityGroup: {
            id: aksNsg.id
          }
        }
      }
    ]
  }
}

resource internalZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: internalDnsZoneName
  location: 'global'
  tags: tags
}

resource internalZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: internalZone
  name: 'link-${vnet.name}'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

// The Function App calls vLLM and the embeddings service by these names through VNet integration.
resource llmRecord 'Microsoft.Network/privateDnsZones/A@2024-06-01' = if (!empty(gpuIngressPrivateIp)) {
  parent: internalZone
  name: 'llm'
  properties: {
    ttl: 300
    aRecords: [
      {
        ipv4Address: gpuIngressPrivateIp
      }
    ]
  }
}

resource embedRecord 'Microsoft.Network/privateDnsZones/A@2024-06-01' = if (!empty(gpuIngressPrivateIp)) {
  parent: internalZone
  name: 'embed'
  properties: {
    ttl: 300
    aRecords: [
      {
        ipv4Address: gpuIngressPrivateIp
      }
    ]
  }
}

output id string = vnet.id
output name string = vnet.name
output functionSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.function)
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.privateEndpoints)
output internalDnsZoneName string = internalZone.name
output aksSubnetName string = subnetNames.aks
output aksSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.aks)
