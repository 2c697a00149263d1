#!/usr/bin/env python3
"""Runs the SAM transform on template.yaml (aws-sam-translator, as CloudFormation runs it on deploy) and checks what only
the transformed template shows (ObservabilityTest and cfn-lint template.yaml check the rest, before the transform):

- the X-Ray write policy SAM adds to the role of every function, for its `Tracing: Active`;
- the HTTP API serves checkout-api/openapi.yaml: every route of the document and no other, each with the document's
  integration, invoking the alias its Lambda permission allows, behind the JWT authorizer the document names,
  configured from the template's parameters.

Usage: python3 system-checks/sam-transform-check.py [path/to/template.yaml]
Needs aws-sam-translator and PyYAML (pip install aws-sam-translator); no AWS account or credentials: the transform is
local.
"""
import json
import os
import re
import sys

import yaml
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

API = "CheckoutApi"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method"}
XRAY_POLICIES = ("AWSXrayWriteOnlyAccess", "AWSXRayDaemonWriteAccess")


class NoManagedPolicies:
    """The template attaches no managed policy by name (LeastPrivilegeTest), so none needs looking up."""

    def load(self):
        return {}


def transformed(template_path):
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # sam deploy hands the transform packaged code (s3:// CodeUri); the translator refuses a local folder.
    for resource in template["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://packaged/" + resource["Properties"]["CodeUri"] + ".zip"
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")  # the translator reads the region for ARNs
    try:
        return transform(template, {}, NoManagedPolicies())
    except Exception as error:  # the translator reports every invalid resource in one exception
        sys.exit(f"sam-transform-check: FAILED: the SAM transform refused the template: {error}")


def xray_problems(resources):
    problems = []
    functions = {k: v for k, v in resources.items() if v["Type"] == "AWS::Lambda::Function"}
    for name, function in functions.items():
        if function["Properties"].get("TracingConfig", {}).get("Mode") != "Active":
            problems.append(f"{name}: TracingConfig.Mode is not Active")
        role = function["Properties"]["Role"]["Fn::GetAtt"][0]
        policies = resources[role]["Properties"].get("ManagedPolicyArns", [])
        if not any(xray in json.dumps(policy) for policy in policies for xray in XRAY_POLICIES):
            problems.append(f"{role}: no X-Ray write policy")
    if not problems:
        print(f"sam-transform-check: {len(functions)} functions traced, each role with X-Ray write access")
    return problems


def operations(paths):
    return {(path, method): operation for path, item in paths.items() for method, operation in item.items()
            if method in METHODS}


def alias_permissions(resources):
    """Route ("POST /orders") to the FunctionName of the Lambda permission that lets the API invoke it."""
    permissions = {}
    for resource in resources.values():
        source = resource["Properties"].get("SourceArn") if resource["Type"] == "AWS::Lambda::Permission" else None
        if isinstance(source, dict) and "Fn::Sub" in source and ":execute-api:" in str(source["Fn::Sub"]):
            arn = source["Fn::Sub"][0] if isinstance(source["Fn::Sub"], list) else source["Fn::Sub"]
            route = re.search(r"/\$\{__Stage__\}/([A-Z*]+)(/.*)$", arn)
            if route:
                permissions[f"{route.group(1)} {route.group(2)}"] = resource["Properties"]["FunctionName"]
    return permissions


def api_problems(resources, document):
    api = resources.get(API)
    if not api or api["Type"] != "AWS::ApiGatewayV2::Api":
        return [f"no AWS::ApiGatewayV2::Api {API} in the transformed template"]
    body = api["Properties"].get("Body")
    if not body:
        return [f"{API} has no Body: its routes would not come from the OpenAPI document"]
    served = operations(body["paths"])
    described = operations(document["paths"])
    if set(served) != set(described):
        return [f"routes served {sorted(served)} differ from routes described {sorted(described)}"]

    problems = []
    permissions = alias_permissions(resources)
    schemes = body.get("components", {}).get("securitySchemes", {})
    for (path, method), operation in sorted(described.items()):
        route = f"{method.upper()} {path}"
        deployed = served[(path, method)]
        if deployed.get("operationId") != operation.get("operationId"):
            problems.append(f"{route}: operationId {deployed.get('operationId')} is not the document's")

        integration = deployed.get("x-amazon-apigateway-integration", {})
        expected = operation.get("x-amazon-apigateway-integration", {})
        for key in ("type", "httpMethod", "payloadFormatVersion"):
            if integration.get(key) != expected.get(key):
                problems.append(f"{route}: integration {key} is {integration.get(key)}, the document says"
                                f" {expected.get(key)}")
        # SAM resolves ${Function.Alias} to the alias's logical id; the Lambda permission must allow that same alias.
        uri = integration.get("uri", {}).get("Fn::Sub", "")
        target = re.search(r"functions/\$\{([^}]+)\}/invocations", uri)
        allowed = permissions.get(route)
        if not target or not allowed or allowed.get("Ref") != target.group(1):
            problems.append(f"{route}: the integration invokes {target and target.group(1)}, the permission allows"
                            f" {allowed}")
        without_target = r"\$\{[^}]+\}/invocations$"
        if re.sub(without_target, "", uri) != re.sub(without_target, "", expected.get("uri", {}).get("Fn::Sub", "")):
            problems.append(f"{route}: integration uri {uri} is not the document's")

        security = deployed.get("security") or body.get("security") or []
        names = {name for requirement in security for name in requirement}
        if names != {name for requirement in operation.get("security", document.get("security", []))
                     for name in requirement}:
            problems.append(f"{route}: security {sorted(names)} is not the document's")
        for name in names:
            authorizer = schemes.get(name, {}).get("x-amazon-apigateway-authorizer", {})
            jwt = authorizer.get("jwtConfiguration", {})
            if authorizer.get("type") != "jwt" or authorizer.get("identitySource") != "$request.header.Authorization":
                problems.append(f"{route}: security scheme {name} is not a JWT authorizer on the Authorization header")
            if jwt.get("issuer") != {"Ref": "JwtIssuer"} or jwt.get("audience") != {"Ref": "JwtAudience"}:
                problems.append(f"{route}: authorizer {name} does not take issuer and audience from the stack"
                                " parameters")
        if not problems:
            print(f"sam-transform-check: {route}: route {deployed['operationId']}, {integration['type']} integration"
                  f" -> {target.group(1)}, JWT authorizer {', '.join(sorted(names))}")
    if not problems:
        print(f"sam-transform-check: {API} serves the {len(described)} route(s) of checkout-api/openapi.yaml")
    return problems


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    template_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "template.yaml")
    with open(os.path.join(root, "checkout-api", "openapi.yaml"), encoding="utf-8") as f:
        document = yaml.safe_load(f)

    result = transformed(template_path)
    problems = xray_problems(result["Resources"]) + api_problems(result["Resources"], document)
    if problems:
        sys.exit("sam-transform-check: FAILED:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    main()
