#!/usr/bin/env bash
# The shell step of the orgspec GitHub Action (action.yml): one `orgspec
# check` that writes the annotations (the findings on the pull request's
# files first), the job summary ($GITHUB_STEP_SUMMARY) and the SARIF log for
# code scanning. Its exit status is recorded as the step output `exit-code`
# and the step itself succeeds, so that the SARIF upload runs; the action's
# last step fails the job with that status.
#
# Inputs (environment, set by action.yml from the action's inputs):
#   ORGSPEC_PATHS          paths to check, separated by spaces
#   ORGSPEC_ARGS           more `orgspec check` arguments, separated by spaces
#   ORGSPEC_CHANGED_SINCE  a git ref; default on pull_request: ORGSPEC_BASE_SHA
#   ORGSPEC_BASE_SHA       the pull request's base commit (fetched when missing)
#   ORGSPEC_ACTION_PATH    where the action is checked out
# and the runner's GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME, RUNNER_TEMP.
set -uo pipefail

# The project's own orgspec when it has one (the version it pins), else the action's, built on first use.
if [ -x node_modules/.bin/orgspec ]; then
  orgspec=(node_modules/.bin/orgspec)
else
  if [ ! -f "$ORGSPEC_ACTION_PATH/dist/src/cli/main.js" ]; then
    echo "orgspec: building the action's orgspec" >&2
    (cd "$ORGSPEC_ACTION_PATH" && npm ci --no-audit --no-fund --ignore-scripts && npm run build) >&2 || { echo "exit-code=2" >>"$GITHUB_OUTPUT"; exit 0; }
  fi
  orgspec=(node "$ORGSPEC_ACTION_PATH/bin/orgspec.js")
fi

ref="${ORGSPEC_CHANGED_SINCE:-}"
if [ -z "$ref" ] && [ "${GITHUB_EVENT_NAME:-}" = "pull_request" ] && [ -n "${ORGSPEC_BASE_SHA:-}" ]; then
  # A shallow checkout lacks the base commit: fetch it alone.
  if ! git cat-file -e "${ORGSPEC_BASE_SHA}^{commit}" 2>/dev/null; then
    git fetch --no-tags --depth=1 origin "$ORGSPEC_BASE_SHA" >&2 || echo "orgspec: could not fetch the base commit; findings are annotated in file order" >&2
  fi
  git cat-file -e "${ORGSPEC_BASE_SHA}^{commit}" 2>/dev/null && ref="$ORGSPEC_BASE_SHA"
fi

read -r -a paths <<<"${ORGSPEC_PATHS:-.}"
read -r -a extra <<<"${ORGSPEC_ARGS:-}"
changed=()
if [ -n "$ref" ]; then changed=(--changed-since "$ref"); fi
sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/orgspec.sarif"

"${orgspec[@]}" check "${paths[@]}" "${extra[@]}" --format github "${changed[@]}" --sarif-file "$sarif"
status=$?

{
  if [ -f "$sarif" ]; then echo "sarif-file=$sarif"; fi
  echo "exit-code=$status"
} >>"$GITHUB_OUTPUT"
exit 0
