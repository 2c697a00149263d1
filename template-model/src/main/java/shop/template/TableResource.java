package shop.template;

import java.util.Optional;

/** An {@code AWS::DynamoDB::Table}: its keys, as code and emulators must agree on them. */
public record TableResource(
        String logicalId, String hashKey, Optional<String> rangeKey, Optional<String> ttlAttribute) {}
