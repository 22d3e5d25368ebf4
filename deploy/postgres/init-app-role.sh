#!/usr/bin/env bash
# Creates the role the app serves requests as (DATABASE_URL), next to the owner POSTGRES_USER that
# runs the migrations (MIGRATION_DATABASE_URL). The app grants this role its rights at every start:
# rows of its tables, INSERT and SELECT only on audit_log, no DDL.
#
# The postgres image runs this once, on the first start of an empty data volume. On a volume from
# before this script, run it by hand once (it is idempotent and also resets the password):
#   docker compose exec db bash /docker-entrypoint-initdb.d/10-init-app-role.sh
set -eo pipefail  # no -u: the image may source this file instead of running it
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
app_user="${APP_DB_USER:-impact_app}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  --set app_user="$app_user" --set app_password="$APP_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'app_user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
ALTER ROLE :"app_user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
SQL
echo "init-app-role: role ${app_user} is ready"
