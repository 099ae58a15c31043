package dev.pms.devstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateProvisioner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes, authorizers and CORS read from a template's HttpApi declarations. */
class HttpApiModelTest {

    private static HttpApiModel model(String yaml) {
        SamTemplate template = SamTemplate.parse(yaml);
        Map<String, String> parameters = Map.of("Issuer", "https://devstack.pms.local", "Audience", "pms-devstack");
        IntrinsicResolver naming = new IntrinsicResolver(template, parameters, null);
        ProvisionedResources resources = TemplateProvisioner.name(template, naming, "http://sqs");
        IntrinsicResolver resolver = naming.withResources(resources);
        List<FunctionDefinition> functions = FunctionDefinition.allOf(template, resolver, resources);
        return HttpApiModel.of(template, functions, resolver, resources);
    }

    private static final String API = """
            Parameters:
              Issuer: {Type: String}
              Audience: {Type: String}
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  CorsConfiguration: true
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        JwtConfiguration: {issuer: !Ref Issuer, audience: [!Ref Audience]}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x.Y
                  Events:
                    Open: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /open, Method: get, Auth: {Authorizer: NONE}}}
                    Closed: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /closed, Method: POST}}
                    Queue: {Type: SQS, Properties: {Queue: arn}}
            """;

    @Test
    void readsRoutesWithTheirAuthorizer() {
        HttpApiModel model = model(API);
        assertThat(model.routes()).extracting(HttpApiRoute::routeKey).containsExactly("GET /open", "POST /closed");
        assertThat(model.routes().get(0).requiresAuthorization()).isFalse();
        assertThat(model.routes().get(1).authorizer()).isEqualTo("Jwt");
        assertThat(model.routes().get(1).apiId()).isEqualTo("api");
        assertThat(model.cors().allowsOrigin("http://anything")).isTrue();
        assertThat(HttpApiModel.jwtParameterRoles(SamTemplate.parse(API)))
                .isEqualTo(Map.of("Issuer", "issuer", "Audience", "audience"));
    }

    @Test
    void eventsWithoutApiIdUseTheImplicitApiAndItsGlobals() {
        HttpApiModel model = model("""
                Globals:
                  HttpApi:
                    Auth:
                      DefaultAuthorizer: Jwt
                      Authorizers:
                        Jwt: {JwtConfiguration: {issuer: https://x, audience: [a]}}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      Events:
                        Everything: {Type: HttpApi}
                """);
        HttpApiRoute route = model.routes().get(0);
        assertThat(route.routeKey()).isEqualTo("$default");
        assertThat(route.authorizer()).isEqualTo("Jwt");
        assertThat(model.cors()).isNull();
    }

    @Test
    void refusesAuthorizersItCannotEnforce() {
        assertThatThrownBy(() -> model(API.replace("JwtConfiguration: {issuer: !Ref Issuer, audience: [!Ref Audience]}",
                "FunctionArn: arn:aws:lambda:us-east-1:1:function:auth")))
                .hasMessageContaining("Resources.Api.Properties.Auth.DefaultAuthorizer")
                .hasMessageContaining("JWT authorizers only");
        assertThatThrownBy(() -> model(API.replace("Auth: {Authorizer: NONE}", "Auth: {Authorizer: Other}")))
                .hasMessageContaining("Resources.Fn.Properties.Events.Open.Auth")
                .hasMessageContaining("'Other'");
    }
}
