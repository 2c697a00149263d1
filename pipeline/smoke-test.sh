#!/usr/bin/env bash
# Post-deploy smoke test of a deployed stack, run by .github/workflows/deploy.yml with the stage's pipeline role.
#
#   smoke-test.sh --stack NAME [--order]
#
# Always: signs in as the smoke-test client, and checks that the API answers through API Gateway's JWT authorizer and
# checkout: 401 without a token, 400 with its problem for an invalid order (nothing is placed).
# With --order (the test stage): places one order and waits, bounded, for its effects: the shipment request and the
# confirmation email recorded in their tables, and no dead letter in any subscriber's queue.
#
# The token: an OAuth 2.0 client-credentials grant at the identity provider that issues the API's tokens (the stack's
# JwtIssuer), for a client kept for this test. Its token URL, client id, client secret and scope are the JSON secret
# SMOKE_TEST_SECRET in Secrets Manager, read with the pipeline role; GitHub stores no credential. The token's 'sub' is
# that client's id, so smoke orders belong to a customer of their own; the email goes to SES's mailbox simulator.
#
# Needs: aws (CLI), curl, jq. Environment: SMOKE_TEST_SECRET; IDEMPOTENCY_KEY (optional; a rerun with the same key
# checks the same order again instead of placing a second); SMOKE_TEST_SECONDS (default 180) bounds the wait.
set -euo pipefail

stack=""
place_order=false
while [ "$#" -gt 0 ]; do
  case "$1" in
    --stack) stack="${2:?--stack needs a stack name}"; shift 2 ;;
    --order) place_order=true; shift ;;
    *) echo "smoke-test: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$stack" ] || { echo "usage: smoke-test.sh --stack NAME [--order]" >&2; exit 2; }
: "${SMOKE_TEST_SECRET:?the Secrets Manager name of the smoke-test client (README, Deploy it)}"
for tool in aws curl jq; do
  command -v "$tool" >/dev/null || { echo "smoke-test: $tool is not on PATH" >&2; exit 2; }
done

fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

physical_id() {
  aws cloudformation describe-stack-resource --stack-name "$stack" --logical-resource-id "$1" \
    --query StackResourceDetail.PhysicalResourceId --output text
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

api_url=$(output ApiUrl)
[[ "$api_url" == https://* ]] || fail "stack $stack has no ApiUrl output"
echo "smoke-test: $stack serves $api_url"

# The token never reaches the log: curl reads the client secret from a file and the token stays in a variable.
aws secretsmanager get-secret-value --secret-id "$SMOKE_TEST_SECRET" --query SecretString --output text >"$work/client"
token_url=$(jq -er .tokenUrl "$work/client")
jq -er '"user = \"" + .clientId + ":" + .clientSecret + "\""' "$work/client" >"$work/curlrc"
token=$(curl --silent --show-error --fail --config "$work/curlrc" \
  --data grant_type=client_credentials --data-urlencode "scope=$(jq -r '.scope // ""' "$work/client")" \
  "$token_url" | jq -er .access_token) || fail "the identity provider gave no access token"
rm -f "$work/client" "$work/curlrc"

# post BODY_FILE [TOKEN]: prints the status; the answer lands in $work/answer.
post() {
  local headers=(--header "Content-Type: application/json")
  [ -n "${2:-}" ] && headers+=(--header "Authorization: Bearer $2")
  [ -n "${IDEMPOTENCY_KEY:-}" ] && headers+=(--header "Idempotency-Key: $IDEMPOTENCY_KEY")
  curl --silent --show-error --max-time 30 --output "$work/answer" --write-out '%{http_code}' \
    "${headers[@]}" --data-binary "@$1" "$api_url"
}

# A sample order from events/, for the smoke client: its customer id comes from the token, its email is SES's
# mailbox simulator (accepted, delivered nowhere).
jq -r .body events/api-gateway/post-order-no-signup.json |
  jq 'del(.customer.customerId) | .customer.email = "success@simulator.amazonses.com"' >"$work/order.json"
jq '.items[0].quantity = 0' "$work/order.json" >"$work/invalid.json"

status=$(post "$work/order.json")
[ "$status" = 401 ] || fail "without a token the API answered $status, not 401"
echo "smoke-test: no token -> 401"

status=$(IDEMPOTENCY_KEY="" post "$work/invalid.json" "$token")
[ "$status" = 400 ] || fail "an invalid order got $status, not 400: $(cat "$work/answer")"
jq -e '.type == "urn:shop:problem:invalid-order" and (.errors[0].field == "$.items[0].quantity")' \
  "$work/answer" >/dev/null || fail "the 400 is not checkout's problem: $(cat "$work/answer")"
echo "smoke-test: invalid order -> 400 naming \$.items[0].quantity"

if [ "$place_order" != true ]; then
  echo "smoke-test: OK (no order placed)"
  exit 0
fi

status=$(post "$work/order.json" "$token")
[ "$status" = 202 ] || fail "the order got $status, not 202: $(cat "$work/answer")"
order_id=$(jq -er .orderId "$work/answer")
echo "smoke-test: order $order_id -> 202"

shipments=$(physical_id ShipmentsTable)
confirmations=$(physical_id ConfirmationsTable)
queues=()
for queue in Email Warehouse Rewards Analytics; do
  queues+=("$(output "${queue}DeadLetterQueueUrl")")
done
key=$(jq -cn --arg id "$order_id" '{orderId: {S: $id}}')

recorded() {
  aws dynamodb get-item --table-name "$1" --key "$key" --consistent-read --output json | jq -e 'has("Item")' >/dev/null
}

deadline=$((SECONDS + ${SMOKE_TEST_SECONDS:-180}))
until recorded "$shipments" && recorded "$confirmations"; do
  [ "$SECONDS" -lt "$deadline" ] ||
    fail "order $order_id: no shipment request and confirmation within ${SMOKE_TEST_SECONDS:-180} s"
  sleep 5
done
echo "smoke-test: order $order_id has its shipment request and its confirmation"

for queue in "${queues[@]}"; do
  waiting=$(aws sqs get-queue-attributes --queue-url "$queue" \
    --attribute-names ApproximateNumberOfMessages --query Attributes.ApproximateNumberOfMessages --output text)
  [ "$waiting" = 0 ] || fail "dead letters waiting in ${queue##*/}: $waiting"
done
echo "smoke-test: OK, no dead letters"
