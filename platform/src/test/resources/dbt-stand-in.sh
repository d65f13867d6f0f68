#!/bin/sh
# A stand-in for dbt in Sluice's tests. It is NOT dbt: it records the arguments it was given, the
# profiles.yml Sluice wrote (and its file modes) and the project it was pointed at, into
# $SLUICE_TEST_RECORD, prints a few lines, and exits 1 when the arguments mention fail_me (and
# first sleeps 30 s when they mention slow_me).
rec="$SLUICE_TEST_RECORD"
printf '%s\n' "$@" > "$rec/args"
profiles=
project=
while [ $# -gt 0 ]; do
  case "$1" in
    --profiles-dir) profiles="$2"; shift ;;
    --project-dir) project="$2"; shift ;;
  esac
  shift
done
cp "$profiles/profiles.yml" "$rec/profiles.yml"
stat -c %a "$profiles/profiles.yml" > "$rec/profiles.mode"
stat -c %a "$profiles" > "$rec/folder.mode"
echo "$profiles" > "$rec/profiles.dir"
cp "$project/dbt_project.yml" "$rec/dbt_project.yml"
pwd > "$rec/cwd"
echo "stand-in dbt: not dbt, recording its arguments"
echo "profile says $(grep password "$profiles/profiles.yml")"
if grep -q slow_me "$rec/args"; then
  echo "taking my time"
  sleep 30
fi
if grep -q fail_me "$rec/args"; then
  echo "Database Error in model fail_me (models/fail_me.sql)"
  echo "  relation \"analytics.nope\" does not exist"
  exit 1
fi
echo "1 of 1 OK created sql view model analytics.stg_customers"
exit 0
