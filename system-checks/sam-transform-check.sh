#!/usr/bin/env bash
# Runs the SAM transform on template.yaml, as CloudFormation does on deploy, and checks what it produces: cfn-lint
# clean, active tracing on every AWS::Lambda::Function, the X-Ray write policy on every function role, and an action
# on every alarm. Needs python3 with aws-sam-translator and cfn-lint (pip install aws-sam-translator cfn-lint).
#
# Usage: bash system-checks/sam-transform-check.sh
#   SAM_TRANSFORM_KEEP=1  keep the transformed template and say where it is
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/sam-transformed.XXXXXX.json")
[ "${SAM_TRANSFORM_KEEP:-0}" = 1 ] || trap 'rm -f "$out"' EXIT

# The translator reads the region for ARNs and wants packaged code (s3:// CodeUri), as sam deploy hands it over.
AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-eu-west-1} python3 - "$ROOT/template.yaml" "$out" <<'PY'
import json
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template attaches no managed policy by name (LeastPrivilegeTest), so none needs looking up."""

    def load(self):
        return {}


template = yaml_parse(open(sys.argv[1]).read())
for resource in template["Resources"].values():
    if resource["Type"] == "AWS::Serverless::Function":
        resource["Properties"]["CodeUri"] = "s3://packaged/" + resource["Properties"]["CodeUri"] + ".zip"
result = transform(template, {}, NoManagedPolicies())
json.dump(result, open(sys.argv[2], "w"), indent=1)

resources = result["Resources"]
problems = []
functions = {k: v for k, v in resources.items() if v["Type"] == "AWS::Lambda::Function"}
for name, function in functions.items():
    if function["Properties"].get("TracingConfig", {}).get("Mode") != "Active":
        problems.append(f"{name}: TracingConfig.Mode is not Active")
    role = function["Properties"]["Role"]["Fn::GetAtt"][0]
    policies = resources[role]["Properties"].get("ManagedPolicyArns", [])
    xray = ("AWSXrayWriteOnlyAccess", "AWSXRayDaemonWriteAccess")
    if not any(name in json.dumps(policy) for policy in policies for name in xray):
        problems.append(f"{role}: no X-Ray write policy")
alarms = {k: v for k, v in resources.items() if v["Type"] == "AWS::CloudWatch::Alarm"}
for name, alarm in alarms.items():
    if not alarm["Properties"].get("AlarmActions"):
        problems.append(f"{name}: no AlarmActions")
if problems:
    sys.exit("sam-transform-check: FAILED:\n  " + "\n  ".join(problems))
print(f"sam-transform-check: {len(functions)} functions traced with X-Ray write access,"
      f" {len(alarms)} alarms with actions")
PY
cfn-lint "$out"
echo "sam-transform-check: cfn-lint clean on the transformed template${SAM_TRANSFORM_KEEP:+ ($out)}"
