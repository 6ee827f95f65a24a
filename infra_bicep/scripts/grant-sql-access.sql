-- Creates the database user for PMark3's managed identity and grants it what the app needs.
-- Run by a member of the server's Entra admin group (sqlEntraAdminLogin); postdeploy.sh does:
--   sqlcmd -S <AZURE_SQL_SERVER_FQDN> -d <AZURE_SQL_DATABASE_NAME> --authentication-method ActiveDirectoryDefault \
--     -i grant-sql-access.sql -v IDENTITY_NAME=<AZURE_IDENTITY_NAME> IDENTITY_CLIENT_ID=<AZURE_CLIENT_ID>
--
-- The user is created from the identity's client ID (WITH SID ..., TYPE = E) rather than
-- FROM EXTERNAL PROVIDER, so the server needs no Microsoft Graph (Directory Readers) permission.
-- Idempotent: safe to run after every deployment.
SET NOCOUNT ON;

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(IDENTITY_NAME)')
BEGIN
    DECLARE @sid nvarchar(64) = CONVERT(nvarchar(64), CONVERT(varbinary(16), CONVERT(uniqueidentifier, N'$(IDENTITY_CLIENT_ID)')), 1);
    DECLARE @create nvarchar(max) = N'CREATE USER ' + QUOTENAME(N'$(IDENTITY_NAME)') + N' WITH SID = ' + @sid + N', TYPE = E;';
    EXEC sys.sp_executesql @create;
END;

-- Read and write the application tables.
ALTER ROLE db_datareader ADD MEMBER [$(IDENTITY_NAME)];
ALTER ROLE db_datawriter ADD MEMBER [$(IDENTITY_NAME)];
-- SqlStore.create_schema() runs the Alembic migrations from the app, so the identity also
-- creates and alters tables. Drop this line if migrations are run by an admin instead.
ALTER ROLE db_ddladmin ADD MEMBER [$(IDENTITY_NAME)];
GO
