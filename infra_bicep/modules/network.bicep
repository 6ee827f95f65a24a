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
param addressPrefix string = '10.20.0.0/16'

@description('Subnet for Flex Consumption virtual network integration (delegated to Microsoft.App/environments).')
param functionSubnetPrefix string = '10.20.0.0/24'

@description('Subnet for private endpoints.')
param privateEndpointSubnetPrefix string = '10.20.1.0/24'

@description('Subnet for AKS nodes (Azure CNI overlay: pods take addresses from the overlay CIDR, not from here).')
param aksSubnetPrefix string = '10.20.4.0/22'

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

output id string = vnet.id
output name string = vnet.name
output functionSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.function)
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.privateEndpoints)
output aksSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, subnetNames.aks)
