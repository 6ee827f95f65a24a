metadata description = 'Flex Consumption Function App (Python 3.11) running as the user-assigned identity, with identity-based connections only.'

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of that identity; every identity-based connection names it.')
param identityClientId string

@description('Storage account for AzureWebJobsStorage and the deployment package.')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Subnet (delegated to Microsoft.App/environments) the app integrates with, so it reaches private endpoints and the AKS internal ingress.')
param subnetId string

@description('Whether the app accepts traffic from public networks.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Name of the Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Durable Task Scheduler endpoint, https://<scheduler>.durabletask.io.')
param durableTaskSchedulerEndpoint string

@description('Task hub name (host.json reads %TASKHUB_NAME%).')
param taskHubName string

@description('Fully qualified Service Bus namespace, <ns>.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Azure AI Search endpoint, https://<search>.search.windows.net.')
param searchEndpoint string

@description('Fully qualified SQL server name, <server>.database.windows.net.')
param sqlServerFqdn string

@description('SQL database name.')
param sqlDatabaseName string

@description('OpenAI-compatible base URL of vLLM behind the AKS internal ingress, http://<ip>/v1.')
param llmBaseUrl string

@description('OpenAI-compatible base URL of the embeddings service behind the AKS internal ingress, http://<ip>/v1.')
param embeddingBaseUrl string

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  // checkov:skip=CKV_AZURE_225: Flex Consumption scales per instance across the region's infrastructure; the always-ready instances are the failover capacity.
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  // checkov:skip=CKV_AZURE_17: Portal users and the CMMS do not present client certificates; callers authenticate with Entra or function keys.
  // checkov:skip=CKV_AZURE_213: Flex Consumption does not support the App Service health check; liveness is watched through Application Insights.
  // checkov:skip=CKV_AZURE_212: Flex Consumption has no worker count; the two always-ready instances (http, durable) keep the app warm.
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: publicNetworkAccess
    virtualNetworkSubnetId: subnetId
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // Endpoint and identity only; the scheduler accepts no keys.
        {
          name: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
          value: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
        }
        {
          name: 'TASKHUB_NAME'
          value: taskHubName
        }
        {
          name: 'ServiceBusConnection__fullyQualifiedNamespace'
          value: serviceBusFullyQualifiedNamespace
        }
        {
          name: 'ServiceBusConnection__credential'
          value: 'managedidentity'
        }
        {
          name: 'ServiceBusConnection__clientId'
          value: identityClientId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'PMARK3_SEARCH_BACKEND'
          value: 'azure'
        }
        {
          name: 'PMARK3_SEARCH_ENDPOINT'
          value: searchEndpoint
        }
        // No password: the app authenticates to SQL with an Entra token for AZURE_CLIENT_ID.
        {
          name: 'PMARK3_DATABASE_URL'
          value: 'mssql+pyodbc://@${sqlServerFqdn}:1433/${sqlDatabaseName}?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=yes'
        }
        {
          name: 'PMARK3_SERVICEBUS_NAMESPACE'
          value: serviceBusFullyQualifiedNamespace
        }
        {
          name: 'PMARK3_LLM_BASE_URL'
          value: llmBaseUrl
        }
        {
          name: 'PMARK3_EMBEDDING_BACKEND'
          value: 'openai'
        }
        {
          name: 'PMARK3_EMBEDDING_BASE_URL'
          value: embeddingBaseUrl
        }
        // Exempt from the no-connection-string rule: with DisableLocalAuth the instrumentation key is no credential.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identityClientId}'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // A Flex cold start can take ~30 s; one warm instance per group keeps the portal and the orchestrator responsive.
        alwaysReady: [
          {
            name: 'http'
            instanceCount: 1
          }
          {
            name: 'durable'
            instanceCount: 1
          }
        ]
      }
      runtime: {
        name: 'python'
        version: '3.11'
      }
    }
  }
}

// Deployments authenticate with Entra (az login / azd); basic-auth publishing profiles stay off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
