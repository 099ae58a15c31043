package dev.pms.devstack.stepfunctions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.LocalService;
import dev.pms.devstack.LocalServiceFactory;
import dev.pms.devstack.functions.InProcessFunction;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Plugs the Step Functions service into the devstack: Lambda tasks call the in-process functions,
 * SQS tasks send to ElasticMQ, and every state machine template.yaml declares is created with its
 * {@code DefinitionSubstitutions} resolved to the local functions and queues.
 */
public final class StepFunctionsLocalService implements LocalServiceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsLocalService.class);
    private static final String LOCAL_ROLE = "arn:aws:iam::000000000000:role/devstack-states";

    private final int port;

    public StepFunctionsLocalService() {
        this(0);
    }

    public StepFunctionsLocalService(int port) {
        this.port = port;
    }

    @Override
    public LocalService start(Context context) {
        Path dataDir = context.localAws().dataDir() == null ? null : context.localAws().dataDir().resolve("stepfunctions");
        SqsClient sqs = context.localAws().sqsClient();
        StepFunctionsService service = StepFunctionsService.start(port, dataDir, new DevstackTaskRuntime(context, sqs));
        try {
            deployTemplateStateMachines(service, context);
        } catch (RuntimeException e) {
            service.close();
            sqs.close();
            throw e;
        }
        return new LocalService() {
            @Override
            public String name() {
                return "stepfunctions";
            }

            @Override
            public URI endpoint() {
                return service.endpoint();
            }

            @Override
            public Map<String, String> functionProperties() {
                return Map.of("aws.services.sfn.endpoint-override", service.endpoint().toString());
            }

            @Override
            public void close() {
                service.close();
                sqs.close();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void deployTemplateStateMachines(StepFunctionsService service, Context context) {
        for (SamTemplate.Resource machine : context.template().resourcesOfType(ProvisionedResources.SERVERLESS_STATE_MACHINE)) {
            Map<String, Object> properties = machine.properties();
            String definition;
            if (properties.containsKey("DefinitionUri")) {
                Path file = context.template().path().toAbsolutePath().getParent()
                        .resolve(String.valueOf(context.resolver().resolve(properties.get("DefinitionUri"), machine.logicalId())));
                try {
                    definition = Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("State machine " + machine.logicalId() + ": cannot read " + file, e);
                }
            } else if (properties.containsKey("Definition")) {
                try {
                    definition = new ObjectMapper().writeValueAsString(
                            context.resolver().resolve(properties.get("Definition"), machine.logicalId()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                throw new IllegalStateException("State machine " + machine.logicalId() + " has neither DefinitionUri nor Definition");
            }
            Map<String, String> substitutions = new LinkedHashMap<>();
            Object declared = properties.get("DefinitionSubstitutions");
            if (declared != null) {
                Map<String, Object> resolved = (Map<String, Object>) context.resolver().resolve(declared, machine.logicalId());
                resolved.forEach((name, value) -> substitutions.put(name, String.valueOf(value)));
            }
            String name = context.resources().get(machine.logicalId()).physicalName();
            String arn = service.deployStateMachine(name, StateMachineDefinitions.substitute(definition, substitutions), LOCAL_ROLE);
            LOG.debug("state machine {} deployed as {}", machine.logicalId(), arn);
        }
    }

    /** Runs Task states against the devstack: in-process Lambdas and the local ElasticMQ. */
    private static final class DevstackTaskRuntime implements TaskRuntime {
        private final Context context;
        private final SqsClient sqs;
        private final ObjectMapper json = new ObjectMapper();
        private final Map<String, JavaType> inputTypes = new ConcurrentHashMap<>();

        DevstackTaskRuntime(Context context, SqsClient sqs) {
            this.context = context;
            this.sqs = sqs;
        }

        @Override
        public String invokeLambda(String functionNameOrArn, String payloadJson) throws TaskFailedException {
            String qualified = functionNameOrArn.replaceFirst(":(\\$LATEST|live)$", "");
            InProcessFunction function = context.functions().find(qualified).orElseThrow(() ->
                    new TaskFailedException("Lambda.ResourceNotFoundException", "Function not found: " + functionNameOrArn));
            Object result;
            try {
                Object event = json.readValue(payloadJson, inputTypes.computeIfAbsent(function.logicalId(),
                        id -> inputTypeOf(function)));
                result = function.invoke(event);
            } catch (IOException e) {
                throw new TaskFailedException("Lambda.InvalidRequestContentException",
                        "The payload is not valid for " + function.logicalId());
            } catch (RuntimeException e) {
                throw new TaskFailedException(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            try {
                return json.writeValueAsString(result);
            } catch (IOException e) {
                throw new TaskFailedException("Lambda.InvalidResponseException", e.getMessage());
            }
        }

        private JavaType inputTypeOf(InProcessFunction function) {
            try {
                Class<?> handler = Class.forName(function.definition().handlerClass(), false,
                        Thread.currentThread().getContextClassLoader());
                JavaType[] parameters = json.getTypeFactory().findTypeParameters(handler, RequestHandler.class);
                return parameters.length == 2 ? parameters[0] : json.getTypeFactory().constructType(Object.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Handler of " + function.logicalId() + " is not on the classpath", e);
            }
        }

        @Override
        public String sendSqsMessage(String queueUrl, String messageBody, Map<String, Object> otherParameters)
                throws TaskFailedException {
            SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(messageBody);
            if (otherParameters.get("DelaySeconds") instanceof Number delay) {
                request.delaySeconds(delay.intValue());
            }
            if (otherParameters.get("MessageGroupId") != null) {
                request.messageGroupId(String.valueOf(otherParameters.get("MessageGroupId")));
            }
            if (otherParameters.get("MessageDeduplicationId") != null) {
                request.messageDeduplicationId(String.valueOf(otherParameters.get("MessageDeduplicationId")));
            }
            try {
                SendMessageResponse response = sqs.sendMessage(request.build());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("MessageId", response.messageId());
                result.put("MD5OfMessageBody", response.md5OfMessageBody());
                return json.writeValueAsString(result);
            } catch (SdkException e) {
                throw new TaskFailedException("SQS." + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            } catch (IOException e) {
                throw new TaskFailedException("States.Runtime", e.getMessage());
            }
        }
    }
}
