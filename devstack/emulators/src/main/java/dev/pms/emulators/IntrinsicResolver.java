package dev.pms.emulators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions the way the local stack needs them: {@code Ref} (parameters,
 * pseudo parameters, provisioned resources), {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::If} with conditions, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap},
 * {@code Fn::Base64}, {@code Fn::GetAZs}. Anything else fails with a message naming where it was found.
 */
public final class IntrinsicResolver {

    public static final String STACK_NAME = "pms-local";
    /** Returned for {@code Ref: AWS::NoValue}; maps and lists drop it. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final Map<String, String> parameterOverrides;
    private final ProvisionedResources resources;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    public IntrinsicResolver(SamTemplate template, Map<String, String> parameterOverrides,
                             ProvisionedResources resources) {
        this.template = template;
        this.parameterOverrides = parameterOverrides == null ? Map.of() : Map.copyOf(parameterOverrides);
        this.resources = resources == null ? ProvisionedResources.empty() : resources;
    }

    /** A resolver that also knows {@code resources} (e.g. after provisioning). */
    public IntrinsicResolver withResources(ProvisionedResources newResources) {
        return new IntrinsicResolver(template, parameterOverrides, newResources);
    }

    public static Map<String, String> pseudoParameters() {
        Map<String, String> pseudo = new LinkedHashMap<>();
        pseudo.put("AWS::Region", LocalAws.REGION);
        pseudo.put("AWS::AccountId", LocalAws.ACCOUNT_ID);
        pseudo.put("AWS::StackName", STACK_NAME);
        pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID
                + ":stack/" + STACK_NAME + "/00000000-0000-0000-0000-000000000000");
        pseudo.put("AWS::Partition", "aws");
        pseudo.put("AWS::URLSuffix", "amazonaws.com");
        return pseudo;
    }

    /** Resolves {@code value} (any template fragment); {@code where} names it in error messages. */
    public Object resolve(Object value, String where) {
        Object resolved = resolveValue(value, where);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Resolves to a string: numbers and booleans as CloudFormation renders them. */
    public String resolveString(Object value, String where) {
        Object resolved = resolve(value, where);
        if (resolved == null) {
            return null;
        }
        if (resolved instanceof Map || resolved instanceof List) {
            throw new TemplateException(where + " must resolve to a string but is " + resolved);
        }
        return String.valueOf(resolved);
    }

    public String parameterValue(String name) {
        String override = parameterOverrides.get(name);
        if (override != null) {
            return override;
        }
        SamTemplate.Parameter parameter = template.parameters().get(name);
        if (parameter == null) {
            throw new TemplateException("No parameter '" + name + "' in the template");
        }
        if (parameter.defaultValue() == null) {
            throw new TemplateException("Parameter '" + name + "' has no Default and no override was given");
        }
        return String.valueOf(parameter.defaultValue());
    }

    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new TemplateException("No condition '" + name + "' in the template's Conditions");
        }
        boolean value = asBoolean(resolveValue(definition, "Conditions." + name), "Conditions." + name);
        conditionCache.put(name, value);
        return value;
    }

    private Object resolveValue(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                // {"Condition": "Name"} is the condition function; {"Condition": {...}} (IAM) is plain data
                if (key.equals("Ref") || key.startsWith("Fn::")
                        || (key.equals("Condition") && map.get(key) instanceof String)) {
                    return intrinsic(key, map.get(key), where);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object child = resolveValue(entry.getValue(), where + "." + entry.getKey());
                if (child != NO_VALUE) {
                    resolved.put(String.valueOf(entry.getKey()), child);
                }
            }
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (int index = 0; index < list.size(); index++) {
                Object child = resolveValue(list.get(index), where + "[" + index + "]");
                if (child != NO_VALUE) {
                    resolved.add(child);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object intrinsic(String function, Object argument, String where) {
        String at = where + " (" + function + ")";
        switch (function) {
            case "Ref":
                return ref(stringArgument(resolveValue(argument, at), at), at);
            case "Condition":
                return condition(stringArgument(argument, at));
            case "Fn::GetAtt":
                return getAtt(argument, at);
            case "Fn::Sub":
                return sub(argument, at);
            case "Fn::Join": {
                List<?> arguments = listArgument(argument, 2, at);
                String delimiter = stringArgument(arguments.get(0), at);
                Object items = resolveValue(arguments.get(1), at);
                List<String> parts = new ArrayList<>();
                for (Object item : listOf(items, at)) {
                    parts.add(scalarString(item, at));
                }
                return String.join(delimiter, parts);
            }
            case "Fn::If": {
                List<?> arguments = listArgument(argument, 3, at);
                boolean test = condition(stringArgument(arguments.get(0), at));
                return resolveValue(arguments.get(test ? 1 : 2), at);
            }
            case "Fn::Equals": {
                List<?> arguments = listArgument(argument, 2, at);
                return scalarString(resolveValue(arguments.get(0), at), at)
                        .equals(scalarString(resolveValue(arguments.get(1), at), at));
            }
            case "Fn::Not": {
                List<?> arguments = listArgument(argument, 1, at);
                return !asBoolean(resolveValue(arguments.get(0), at), at);
            }
            case "Fn::And":
            case "Fn::Or": {
                List<?> arguments = listOf(argument, at);
                boolean and = function.equals("Fn::And");
                boolean result = and;
                for (Object operand : arguments) {
                    boolean operandValue = asBoolean(resolveValue(operand, at), at);
                    result = and ? result && operandValue : result || operandValue;
                }
                return result;
            }
            case "Fn::Select": {
                List<?> arguments = listArgument(argument, 2, at);
                int index = Integer.parseInt(scalarString(resolveValue(arguments.get(0), at), at));
                List<?> items = listOf(resolveValue(arguments.get(1), at), at);
                if (index < 0 || index >= items.size()) {
                    throw new TemplateException(at + ": index " + index + " is outside a list of " + items.size());
                }
                return items.get(index);
            }
            case "Fn::Split": {
                List<?> arguments = listArgument(argument, 2, at);
                String delimiter = stringArgument(arguments.get(0), at);
                String text = scalarString(resolveValue(arguments.get(1), at), at);
                return List.of(text.split(Pattern.quote(delimiter), -1));
            }
            case "Fn::FindInMap": {
                List<?> arguments = listArgument(argument, 3, at);
                String mapName = scalarString(resolveValue(arguments.get(0), at), at);
                String topKey = scalarString(resolveValue(arguments.get(1), at), at);
                String secondKey = scalarString(resolveValue(arguments.get(2), at), at);
                Object mapping = template.mappings().get(mapName);
                Object top = mapping instanceof Map<?, ?> m ? m.get(topKey) : null;
                Object found = top instanceof Map<?, ?> t ? t.get(secondKey) : null;
                if (found == null) {
                    throw new TemplateException(at + ": Mappings." + mapName + "." + topKey + "." + secondKey
                            + " does not exist");
                }
                return resolveValue(found, at);
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(
                        scalarString(resolveValue(argument, at), at).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs":
                return List.of(LocalAws.REGION + "a", LocalAws.REGION + "b", LocalAws.REGION + "c");
            default:
                throw new TemplateException(at + ": " + function + " is not supported by the local stack");
        }
    }

    private Object ref(String name, String where) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (name.equals("AWS::NotificationARNs")) {
            return List.of();
        }
        if (name.startsWith("AWS::")) {
            String pseudo = pseudoParameters().get(name);
            if (pseudo == null) {
                throw new TemplateException(where + ": unknown pseudo parameter " + name);
            }
            return pseudo;
        }
        SamTemplate.Parameter parameter = template.parameters().get(name);
        if (parameter != null) {
            String value = parameterValue(name);
            return parameter.type().startsWith("List<") || parameter.type().equals("CommaDelimitedList")
                    ? List.of(value.split(",", -1)) : value;
        }
        ProvisionedResources.Resource resource = resources.find(name).orElse(null);
        if (resource != null) {
            return resource.ref();
        }
        if (template.resources().containsKey(name)) {
            throw new TemplateException(where + ": Ref " + name + " names a "
                    + template.resources().get(name).type() + " that the local stack does not provision");
        }
        throw new TemplateException(where + ": Ref " + name + " is neither a parameter nor a resource");
    }

    private Object getAtt(Object argument, String where) {
        List<?> arguments;
        if (argument instanceof String text) {
            int dot = text.indexOf('.');
            if (dot < 1) {
                throw new TemplateException(where + ": '" + text + "' must be LogicalId.Attribute");
            }
            arguments = List.of(text.substring(0, dot), text.substring(dot + 1));
        } else {
            arguments = listArgument(argument, 2, where);
        }
        String logicalId = scalarString(resolveValue(arguments.get(0), where), where);
        String attribute = scalarString(resolveValue(arguments.get(1), where), where);
        ProvisionedResources.Resource resource = resources.find(logicalId).orElse(null);
        if (resource == null) {
            if (template.resources().containsKey(logicalId)) {
                throw new TemplateException(where + ": Fn::GetAtt " + logicalId + "." + attribute + " names a "
                        + template.resources().get(logicalId).type() + " that the local stack does not provision");
            }
            throw new TemplateException(where + ": Fn::GetAtt " + logicalId + "." + attribute
                    + " names no resource of the template");
        }
        try {
            return resource.attribute(attribute);
        } catch (TemplateException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
    }

    private String sub(Object argument, String where) {
        String text;
        Map<String, Object> variables = new HashMap<>();
        if (argument instanceof String string) {
            text = string;
        } else {
            List<?> arguments = listArgument(argument, 2, where);
            text = stringArgument(arguments.get(0), where);
            SamTemplate.asMap(arguments.get(1), where + " variables")
                    .forEach((name, value) -> variables.put(name, value));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            String replacement;
            if (expression.startsWith("!")) {
                replacement = "${" + expression.substring(1) + "}";
            } else if (variables.containsKey(expression)) {
                replacement = scalarString(resolveValue(variables.get(expression), where + " ${" + expression + "}"),
                        where);
            } else if (expression.contains(".") && !expression.startsWith("AWS::")) {
                replacement = scalarString(getAtt(expression, where + " ${" + expression + "}"), where);
            } else {
                replacement = scalarString(ref(expression.trim(), where + " ${" + expression + "}"), where);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static List<?> listArgument(Object argument, int size, String where) {
        List<?> list = listOf(argument, where);
        if (list.size() != size) {
            throw new TemplateException(where + " takes " + size + " arguments but has " + list.size());
        }
        return list;
    }

    private static List<?> listOf(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + " expects a list but has " + SamTemplate.describe(value));
    }

    private static String stringArgument(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw new TemplateException(where + " expects a string but has " + SamTemplate.describe(value));
    }

    private static String scalarString(Object value, String where) {
        if (value instanceof Map || value instanceof List || value == null || value == NO_VALUE) {
            throw new TemplateException(where + " expects a string but has " + SamTemplate.describe(value));
        }
        return String.valueOf(value);
    }

    private static boolean asBoolean(Object value, String where) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new TemplateException(where + " expects a condition (true/false) but has " + SamTemplate.describe(value));
    }
}
