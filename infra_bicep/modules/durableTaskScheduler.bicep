metadata description = 'Durable Task Scheduler and the task hub the Durable Functions orchestrator runs in (host.json: storageProvider type azureManaged).'

@description('Name of the scheduler.')
param name string

@description('Azure region for the scheduler.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Task hub name; host.json reads it from the TASKHUB_NAME app setting.')
param taskHubName string = 'pmark3'

@description('Scheduler SKU: Consumption (pay per action) or Dedicated (reserved capacity units).')
@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string = 'Consumption'

@description('IP ranges allowed to reach the scheduler endpoint. Access still needs an Entra identity holding a Durable Task role.')
param ipAllowlist array = [
  '0.0.0.0/0'
]

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ipAllowlist
    sku: {
      name: skuName
    }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

output id string = scheduler.id
output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
