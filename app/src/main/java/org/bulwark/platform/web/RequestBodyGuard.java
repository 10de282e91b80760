package org.bulwark.platform.web;

import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every text of a JSON request body, at any depth, passes the same free-text rule as the other parameters
 * ({@link RequestParameterGuard}); a violation is refused with 400 naming the field as the JSON has it
 * ({@code members[1].name}). Bodies are small (bulwark.api.max-json-bytes); department rows are read as a stream by
 * the import, which checks each cell itself.
 */
@ControllerAdvice
class RequestBodyGuard extends RequestBodyAdviceAdapter {

    private final ObjectMapper json;

    RequestBodyGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof String text) {
            RequestParameterGuard.checkText("body", text);
        } else if (body != null) {
            check(json.valueToTree(body), "");
        }
        return body;
    }

    private static void check(JsonNode node, String path) {
        if (node.isString()) {
            RequestParameterGuard.checkText(path.isEmpty() ? "body" : path, node.asString());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                RequestParameterGuard.checkText("body", field.getKey());
                check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }
}
