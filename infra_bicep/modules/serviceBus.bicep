metadata description = 'Service Bus namespace with the CMMS request queue and the result topic; Entra-only (SAS disabled).'

@description('Name of the Service Bus namespace.')
param name string

@description('Azure region for the namespace.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Namespace tier. Premium is needed for private endpoints and is used in prod.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string = 'Premium'

@description('Whether the namespace accepts traffic from public networks (private endpoint only when Disabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Queue the CMMS sends maintenance requests to.')
param requestQueueName string = 'maintenance-requests'

@description('Topic PMark3 publishes coded results to.')
param resultTopicName string = 'maintenance-results'

@description('Subscription on the result topic that the CMMS reads.')
param resultSubscriptionName string = 'cmms'

@description('Deliveries before a message is dead-lettered.')
@minValue(1)
@maxValue(100)
param maxDeliveryCount int = 5

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? 1 : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess
  }
}

resource requestQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: requestQueueName
  properties: {
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    // The CMMS may resend on timeout; a 10-minute window drops the duplicate by MessageId.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    // A workflow run starts an orchestration and returns; 1 minute is ample and the trigger renews locks.
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P7D'
    maxSizeInMegabytes: 1024
  }
}

resource resultTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: resultTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    defaultMessageTimeToLive: 'P7D'
    maxSizeInMegabytes: 1024
  }
}

resource resultSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: resultTopic
  name: resultSubscriptionName
  properties: {
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P7D'
  }
}

output id string = namespace.id
output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output requestQueueName string = requestQueue.name
output resultTopicName string = resultTopic.name
