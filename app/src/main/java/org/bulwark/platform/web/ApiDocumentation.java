package org.bulwark.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi and shown at /api/docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI bulwarkOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bulwark API · 防返贫监测帮扶平台接口")
                        .version("v1")
                        .description("Registry of rural households, persons, incomes and regions. Every call sees "
                                + "only the caller's region; identity and phone numbers are masked unless "
                                + "reveal=true (audited). Errors are RFC 9457 problem details listing each field."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
