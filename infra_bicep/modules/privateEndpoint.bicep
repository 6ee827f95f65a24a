metadata description = 'One private endpoint with its private DNS zone, the zone link to the VNet and the DNS zone group, so clients in the VNet resolve the service to its private address.'

@description('Name of the private endpoint.')
param name string

@description('Azure region for the private endpoint.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Resource ID of the subnet the endpoint takes its address from.')
param subnetId string

@description('Resource ID of the virtual network the DNS zone is linked to.')
param virtualNetworkId string

@description('Resource ID of the service the endpoint connects to.')
param privateLinkServiceId string

@description('Private link sub-resource (group ID), e.g. blob, namespace, searchService, sqlServer, vault.')
param groupId string

@description('Private DNS zone name for that sub-resource, e.g. privatelink.blob.core.windows.net.')
param privateDnsZoneName string

resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: privateDnsZoneName
  location: 'global'
  tags: tags
}

resource dnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: dnsZone
  name: 'link-${uniqueString(virtualNetworkId)}'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: virtualNetworkId
    }
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: privateLinkServiceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource dnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: replace(privateDnsZoneName, '.', '-')
        properties: {
          privateDnsZoneId: dnsZone.id
        }
      }
    ]
  }
}

output id string = privateEndpoint.id
