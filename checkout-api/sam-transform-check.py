#!/usr/bin/env python3
"""Runs the SAM transform on template.yaml (aws-sam-translator, as CloudFormation runs it) and checks that the HTTP API
it produces serves checkout-api/openapi.yaml: every route of the document and no other, each with the document's
integration, and each behind the JWT authorizer the document names, configured from the template's Auth.

Usage: python3 checkout-api/sam-transform-check.py [path/to/template.yaml]
Needs aws-sam-translator (pip install aws-sam-translator); no AWS account or credentials: the transform is local.
"""
import os
import re
import sys

import yaml
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

API = "CheckoutApi"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method"}


class NoManagedPolicies:
    """The template names no managed policy, so the transform never needs IAM's list of them."""

    def load(self):
        return {}


def fail(message):
    print(f"sam-transform-check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def operations(paths):
    return {(path, method): operation for path, item in paths.items() for method, operation in item.items()
            if method in METHODS}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    template_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "template.yaml")
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    with open(os.path.join(root, "checkout-api", "openapi.yaml"), encoding="utf-8") as f:
        document = yaml.safe_load(f)

    # sam build would have uploaded the code; the transform only needs a location that is not a local folder.
    for resource in template["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://sam-transform-check/code.zip"
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    try:
        transformed = transform(template, {}, NoManagedPolicies())
    except Exception as error:  # the translator reports every invalid resource in one exception
        fail(f"the SAM transform refused the template: {error}")

    resources = transformed["Resources"]
    api = resources.get(API)
    if not api or api["Type"] != "AWS::ApiGatewayV2::Api":
        fail(f"no AWS::ApiGatewayV2::Api {API} in the transformed template")
    body = api["Properties"].get("Body")
    if not body:
        fail(f"{API} has no Body: its routes would not come from the OpenAPI document")

    served = operations(body["paths"])
    described = operations(document["paths"])
    if set(served) != set(described):
        fail(f"routes served {sorted(served)} differ from routes described {sorted(described)}")

    permissions = {}
    for resource in resources.values():
        source = resource["Properties"].get("SourceArn") if resource["Type"] == "AWS::Lambda::Permission" else None
        if isinstance(source, dict) and "Fn::Sub" in source and ":execute-api:" in str(source["Fn::Sub"]):
            arn = source["Fn::Sub"][0] if isinstance(source["Fn::Sub"], list) else source["Fn::Sub"]
            route = re.search(r"/\$\{__Stage__\}/([A-Z*]+)(/.*)$", arn)
            if route:
                permissions[f"{route.group(1)} {route.group(2)}"] = resource["Properties"]["FunctionName"]
    schemes = body.get("components", {}).get("securitySchemes", {})
    for (path, method), operation in sorted(described.items()):
        route = f"{method.upper()} {path}"
        deployed = served[(path, method)]
        if deployed.get("operationId") != operation.get("operationId"):
            fail(f"{route}: operationId {deployed.get('operationId')} is not the document's")

        integration = deployed.get("x-amazon-apigateway-integration", {})
        expected = operation.get("x-amazon-apigateway-integration", {})
        for key in ("type", "httpMethod", "payloadFormatVersion"):
            if integration.get(key) != expected.get(key):
                fail(f"{route}: integration {key} is {integration.get(key)}, the document says {expected.get(key)}")
        # SAM resolves ${Function.Alias} to the alias's logical id; the Lambda permission must allow that same alias.
        uri = integration.get("uri", {}).get("Fn::Sub", "")
        target = re.search(r"functions/\$\{([^}]+)\}/invocations", uri)
        allowed = permissions.get(route)
        if not target or not allowed or allowed.get("Ref") != target.group(1):
            fail(f"{route}: the integration invokes {target and target.group(1)}, the permission allows {allowed}")
        if re.sub(r"\$\{[^}]+\}/invocations$", "", uri) != re.sub(
                r"\$\{[^}]+\}/invocations$", "", expected.get("uri", {}).get("Fn::Sub", "")):
            fail(f"{route}: integration uri {uri} is not the document's")

        security = deployed.get("security") or body.get("security") or []
        names = {name for requirement in security for name in requirement}
        if names != {name for requirement in operation.get("security", document.get("security", []))
                     for name in requirement}:
            fail(f"{route}: security {sorted(names)} is not the document's")
        for name in names:
            authorizer = schemes.get(name, {}).get("x-amazon-apigateway-authorizer", {})
            jwt = authorizer.get("jwtConfiguration", {})
            if authorizer.get("type") != "jwt" or authorizer.get("identitySource") != "$request.header.Authorization":
                fail(f"{route}: security scheme {name} is not a JWT authorizer on the Authorization header")
            if jwt.get("issuer") != {"Ref": "JwtIssuer"} or jwt.get("audience") != {"Ref": "JwtAudience"}:
                fail(f"{route}: authorizer {name} does not take issuer and audience from the stack parameters")
        print(f"sam-transform-check: {route}: route {deployed['operationId']}, {integration['type']} integration "
              f"-> {target.group(1)}, JWT authorizer {', '.join(sorted(names))}")

    print(f"sam-transform-check: OK, {API} serves the {len(described)} route(s) of checkout-api/openapi.yaml")


if __name__ == "__main__":
    main()
