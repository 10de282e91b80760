package org.bulwark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.bulwark.core.text.TextRules;
import org.bulwark.platform.InvalidParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every parameter of every page and API operation — path variables, query and form parameters (names and values),
 * the names of uploaded files — passes the free-text rule ({@link TextRules#freeText}: no NUL or other control
 * character, no bidirectional override) and the paging bounds ({@code page}, {@code size}, {@code limit}) before a
 * controller runs. Refused with 400 naming the parameter (problem details for the API, the Chinese error page for
 * pages, through the usual advice), instead of a 500 from the database or an int overflow deeper down.
 */
@Component
class RequestParameterGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final long maxPage;
    private final long maxPageSize;

    RequestParameterGuard(
            @Value("${bulwark.web.max-page:100000}") long maxPage,
            @Value("${bulwark.web.max-page-size:10000}") long maxPageSize) {
        this.maxPage = maxPage;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> checkText(String.valueOf(name), String.valueOf(value)));
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            checkText(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                checkText(parameter.getKey(), value);
                checkBounds(parameter.getKey(), value);
            }
        }
        if (request instanceof MultipartRequest multipart) {
            for (Map.Entry<String, MultipartFile> file : multipart.getFileMap().entrySet()) {
                checkText(file.getKey(), file.getValue().getOriginalFilename());
            }
        }
        return true;
    }

    static void checkText(String parameter, String value) {
        TextRules.freeText(value).ifPresent(v -> {
            throw new InvalidParameterException(printable(parameter), v.code(), v.message());
        });
    }

    private void checkBounds(String parameter, String value) {
        long max = switch (parameter) {
            case "page" -> maxPage;
            case "size", "limit" -> maxPageSize;
            default -> -1;
        };
        if (max < 0 || !value.strip().matches("-?[0-9]{1,19}")) {
            return; // not a paging parameter, or not a number (the type conversion says so)
        }
        long min = parameter.equals("page") ? 0 : 1;
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            number = Long.MAX_VALUE;
        }
        if (number < min || number > max) {
            throw new InvalidParameterException(parameter, "out_of_range", "must be between " + min + " and " + max);
        }
    }

    /** A parameter name fit to be shown: its control characters replaced. */
    private static String printable(String name) {
        String shown = name.codePoints()
                .map(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 100 ? shown.substring(0, 100) : shown;
    }
}
