metadata description = 'AKS cluster for the vLLM GPU service: system pool plus a tainted, autoscaling H100 pool; workload identity, Azure CNI overlay, Container Insights and managed Prometheus.'

@description('Name of the cluster.')
param name string

@description('Azure region for the cluster.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Name of the cluster control-plane identity (it needs Network Contributor on the node subnet).')
param controlPlaneIdentityName string

@description('Name of the virtual network that holds the node subnet.')
param virtualNetworkName string

@description('Name of the node subnet inside that network.')
param subnetName string

@description('Log Analytics workspace for Container Insights.')
param logAnalyticsWorkspaceId string

@description('Name of the Azure Monitor workspace that stores managed Prometheus metrics.')
param monitorWorkspaceName string

@description('Name of the data collection endpoint for Prometheus.')
param dataCollectionEndpointName string

@description('Name of the data collection rule for Prometheus.')
param dataCollectionRuleName string

@description('Name of the data collection rule for Container Insights (logs, inventory, events).')
param containerInsightsRuleName string

@description('Control-plane tier: Standard carries the uptime SLA (prod), Free is for dev.')
@allowed([
  'Free'
  'Standard'
])
param skuTier string = 'Standard'

@description('Private API server (no public endpoint); manifests are then applied with az aks command invoke or from inside the VNet.')
param privateCluster bool = true

@description('Availability zones for the node pools; empty where the region or VM size has none.')
param availabilityZones array = [
  '1'
  '2'
  '3'
]

@description('Availability zones for the GPU pool; empty by default because H100 capacity is not offered in every zone of every region.')
param gpuAvailabilityZones array = []

@description('VM size of the system pool (needs a 150 GB temp disk for the ephemeral OS disk).')
param systemVmSize string = 'Standard_D4ds_v5'

@description('VM size of the GPU pool that runs vLLM.')
param gpuVmSize string = 'Standard_NC40ads_H100_v5'

@description('Fewest GPU nodes; one keeps the model loaded so requests never wait for a node and a multi-GB model pull.')
@minValue(0)
@maxValue(4)
param gpuMinCount int = 1

@description('Most GPU nodes the cluster autoscaler may add.')
@minValue(1)
@maxValue(10)
param gpuMaxCount int = 4

@description('Taint on GPU nodes so only pods that tolerate it (the vLLM deployments in gpu_service/k8s) land there.')
param gpuNodeTaint string = 'sku=gpu:NoSchedule'

@description('Encrypt temp and cache disks on the host (needs the Microsoft.Compute/EncryptionAtHost feature on the subscription).')
param enableEncryptionAtHost bool = true

var roles = loadJsonContent('../roles.json')

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: virtualNetworkName
}

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: subnetName
}

resource controlPlaneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: controlPlaneIdentityName
  location: location
  tags: tags
}

// The control plane joins nodes and internal load balancers to this subnet; nothing wider.
resource subnetNetworkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subnet.id, controlPlaneIdentity.id, roles.networkContributor)
  scope: subnet
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.networkContributor)
    principalId: controlPlaneIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cluster 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  // checkov:skip=CKV_AZURE_8: The Kubernetes dashboard add-on is retired on every supported AKS version; there is nothing to disable.
  // checkov:skip=CKV_AZURE_172: Rotation is on (enableSecretRotation 'true'); the API takes the string, the check expects a boolean.
  // checkov:skip=CKV_AZURE_6: The API server is private in prod (no public endpoint); dev clusters are short-lived and reached with Entra RBAC only.
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: skuTier
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlaneIdentity.id}': {}
    }
  }
  dependsOn: [
    subnetNetworkContributor
  ]
  properties: {
    dnsPrefix: name
    enableRBAC: true
    disableLocalAccounts: true
    aadProfile: {
      managed: true
      enableAzureRBAC: true
      tenantID: subscription().tenantId
    }
    apiServerAccessProfile: {
      enablePrivateCluster: privateCluster
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
      imageCleaner: {
        enabled: true
        intervalHours: 168
      }
    }
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'cilium'
      networkPolicy: 'cilium'
      podCidr: '192.168.0.0/16'
      serviceCidr: '172.16.0.0/16'
      dnsServiceIP: '172.16.0.10'
      loadBalancerSku: 'standard'
      outboundType: 'loadBalancer'
    }
    autoUpgradeProfile: {
      upgradeChannel: 'patch'
      nodeOSUpgradeChannel: 'NodeImage'
    }
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        vmSize: systemVmSize
        osType: 'Linux'
        osSKU: 'AzureLinux'
        osDiskType: 'Ephemeral'
        osDiskSizeGB: 128
        type: 'VirtualMachineScaleSets'
        vnetSubnetID: subnet.id
        availabilityZones: availabilityZones
        enableAutoScaling: true
        count: 2
        minCount: 2
        maxCount: 3
        maxPods: 110
        enableEncryptionAtHost: enableEncryptionAtHost
        // Untainted on purpose: the app-routing NGINX controller and other non-GPU pods of
        // gpu_service/k8s run here, since the only other pool is tainted for GPU work.
        upgradeSettings: {
          maxSurge: '33%'
        }
      }
    ]
    addonProfiles: {
      omsagent: {
        enabled: true
        config: {
          logAnalyticsWorkspaceResourceID: logAnalyticsWorkspaceId
          useAADAuth: 'true'
        }
      }
      azureKeyvaultSecretsProvider: {
        enabled: true
        config: {
          enableSecretRotation: 'true'
          rotationPollInterval: '2m'
        }
      }
      azurepolicy: {
        enabled: true
      }
    }
    azureMonitorProfile: {
      metrics: {
        enabled: true
      }
    }
    // gpu_service/k8s uses the application routing add-on (internal NGINX) and KEDA ScaledObjects.
    ingressProfile: {
      webAppRouting: {
        enabled: true
      }
    }
    workloadAutoScalerProfile: {
      keda: {
        enabled: true
      }
    }
  }
}

resource gpuPool 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: cluster
  name: 'gpu'
  properties: {
    mode: 'User'
    vmSize: gpuVmSize
    osType: 'Linux'
    osSKU: 'Ubuntu'
    // Managed OS disk: model images are large and this size has no cache disk for an ephemeral OS disk.
    osDiskType: 'Managed'
    osDiskSizeGB: 256
    type: 'VirtualMachineScaleSets'
    vnetSubnetID: subnet.id
    availabilityZones: gpuAvailabilityZones
    enableAutoScaling: true
    count: gpuMinCount
    minCount: gpuMinCount
    maxCount: gpuMaxCount
    maxPods: 110
    enableEncryptionAtHost: enableEncryptionAtHost
    nodeTaints: [
      gpuNodeTaint
    ]
    // gpu_service/k8s selects these nodes with nodeSelector pool: gpu.
    nodeLabels: {
      pool: 'gpu'
    }
    upgradeSettings: {
      maxSurge: '1'
    }
  }
}

resource monitorWorkspace 'Microsoft.Monitor/accounts@2023-04-03' = {
  name: monitorWorkspaceName
  location: location
  tags: tags
}

resource dataCollectionEndpoint 'Microsoft.Insights/dataCollectionEndpoints@2022-06-01' = {
  name: dataCollectionEndpointName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {}
}

resource prometheusRule 'Microsoft.Insights/dataCollectionRules@2022-06-01' = {
  name: dataCollectionRuleName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
    dataSources: {
      prometheusForwarder: [
        {
          name: 'PrometheusDataSource'
          streams: [
            'Microsoft-PrometheusMetrics'
          ]
          labelIncludeFilter: {}
        }
      ]
    }
    destinations: {
      monitoringAccounts: [
        {
          name: 'monitorWorkspace'
          accountResourceId: monitorWorkspace.id
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-PrometheusMetrics'
        ]
        destinations: [
          'monitorWorkspace'
        ]
      }
    ]
  }
}

resource prometheusRuleAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2022-06-01' = {
  name: 'pmark3-prometheus'
  scope: cluster
  properties: {
    dataCollectionRuleId: prometheusRule.id
  }
}

resource prometheusEndpointAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2022-06-01' = {
  name: 'configurationAccessEndpoint'
  scope: cluster
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
  }
}

// With useAADAuth the monitoring agent authenticates with the cluster identity and reads what
// to collect from this rule; without the rule and its association it collects nothing.
resource containerInsightsRule 'Microsoft.Insights/dataCollectionRules@2022-06-01' = {
  name: containerInsightsRuleName
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension'
          extensionName: 'ContainerInsights'
          streams: [
            'Microsoft-ContainerInsights-Group-Default'
          ]
          extensionSettings: {
            dataCollectionSettings: {
              interval: '1m'
              namespaceFilteringMode: 'Off'
              enableContainerLogV2: true
            }
          }
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: logAnalyticsWorkspaceId
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-ContainerInsights-Group-Default'
        ]
        destinations: [
          'workspace'
        ]
      }
    ]
  }
}

resource containerInsightsAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2022-06-01' = {
  name: 'ContainerInsightsExtension'
  scope: cluster
  properties: {
    dataCollectionRuleId: containerInsightsRule.id
  }
}

output id string = cluster.id
output name string = cluster.name
output kubeletIdentityObjectId string = cluster.properties.identityProfile.kubeletidentity.objectId
output oidcIssuerUrl string = cluster.properties.oidcIssuerProfile.issuerURL
output monitorWorkspaceId string = monitorWorkspace.id
