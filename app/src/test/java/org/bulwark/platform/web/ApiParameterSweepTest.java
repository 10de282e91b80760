package org.bulwark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.bulwark.TestFixtures;
import org.bulwark.casework.Cases;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.Declarations;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the OpenAPI document and feeds every parameter of every operation in it — query, path, JSON body fields
 * (nested ones too), multipart fields and file names, plain-text bodies — a NUL byte, huge and negative numbers and
 * 10,000 characters, as a user allowed to call the operation. No answer may be a server error (5xx); and the sweep
 * must have exercised every operation the document lists.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // the public form's rate limits would answer 429 before the parameters are read
            "bulwark.declaration.per-client=100000",
            "bulwark.declaration.attempts-per-client=100000",
            "bulwark.declaration.global-per-hour=100000"
        })
@ActiveProfiles("test")
@Tag("database")
class ApiParameterSweepTest {

    /** What an attacker or a broken client sends: NUL, beyond 64 bits, beyond int, negative, 10,000 characters. */
    static final List<String> HOSTILE =
            List.of("a\u0000b", "99999999999999999999", "2147483647", "-1", "x".repeat(10_000));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Declarations declarations;

    @Autowired
    Cases cases;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Role, BulwarkUser> users = new EnumMap<>(Role.class);
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private JsonNode document;

    /** One operation of the document: its method, path template and description. */
    record Operation(String method, String path, JsonNode spec) {}

    /** One request of the sweep. */
    record Call(String path, Map<String, String> query, String contentType, byte[] body) {}

    @Test
    void everyParameterOfEveryOperationIsAnsweredWithoutAServerError() throws Exception {
        document = json.readTree(
                send("GET", "/api/openapi", null, Map.of(), null, new byte[0]).body());
        prepareUsersAndObjects();
        List<Operation> operations = operations();
        List<String> serverErrors = new ArrayList<>();
        List<String> nobodyAllowed = new ArrayList<>();
        int exercised = 0;
        int requests = 0;
        StringBuilder report = new StringBuilder();
        for (Operation operation : operations) {
            BulwarkUser user = allowedUser(operation);
            if (user == null && !operation.path().startsWith("/api/v1/public/")) {
                nobodyAllowed.add(operation.method() + " " + operation.path());
                continue;
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Map.Entry<String, Call> sweep : hostileCalls(operation).entrySet()) {
                Call call = sweep.getValue();
                HttpResponse<String> response =
                        send(operation.method(), call.path(), user, call.query(), call.contentType(), call.body());
                requests++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    serverErrors.add(operation.method() + " " + operation.path() + " " + sweep.getKey() + " → "
                            + response.statusCode() + " " + abbreviate(response.body()));
                }
            }
            exercised++;
            report.append(operation.method())
                    .append(' ')
                    .append(operation.path())
                    .append(" as ")
                    .append(user == null ? "anyone" : user.role())
                    .append(": ")
                    .append(statuses)
                    .append('\n');
        }
        Files.writeString(Path.of("target", "api-parameter-sweep.txt"), report);
        assertThat(nobodyAllowed).as("operations no test user may call").isEmpty();
        assertThat(serverErrors)
                .as("server errors among %d hostile requests", requests)
                .isEmpty();
        assertThat(exercised).as("operations exercised").isEqualTo(operations.size());
        assertThat(operations.size()).isEqualTo(countOperations(document));
    }

    private void prepareUsersAndObjects() {
        for (Role role : Role.values()) {
            users.put(role, fixtures.user(role, regionFor(role)));
        }
        // a thousand requests with HTTP Basic: a cheap hash for these users keeps the test to a minute or two
        jdbc.sql("update app_user set password_hash = :h where username in (:u)")
                .param("h", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestFixtures.PASSWORD))
                .param(
                        "u",
                        users.values().stream().map(BulwarkUser::getUsername).toList())
                .update();
        HouseholdFile household = fixtures.household(
                users.get(Role.COUNTY_APPROVER),
                TestFixtures.VILLAGE_A,
                TestFixtures.person("测试成员", TestFixtures.newIdNumber(), "SPOUSE"));
        BulwarkUser target = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        pathValues.put("households", String.valueOf(household.household().id()));
        pathValues.put("persons", String.valueOf(household.members().get(1).id()));
        pathValues.put("users", String.valueOf(target.id()));
        pathValues.put("regions", TestFixtures.VILLAGE_A);
        pathValues.put("exchange", "medical_settlement");
        BulwarkUser county = users.get(Role.COUNTY_APPROVER);
        pathValues.put(
                "declarations",
                String.valueOf(fixtures.as(
                                county,
                                () -> declarations.record(
                                        new DeclarationInput(
                                                "测试申报人",
                                                "13800001234",
                                                null,
                                                TestFixtures.VILLAGE_A,
                                                Set.of(RiskType.ILLNESS),
                                                "看病花费多"),
                                        "HOTLINE"))
                        .id()));
        pathValues.put(
                "cases",
                String.valueOf(fixtures.as(
                                county,
                                () -> cases.open(new OpenCaseInput(
                                        household.household().id(),
                                        Channel.GRASSROOTS_VISIT,
                                        null,
                                        LocalDate.now(),
                                        Set.of(RiskType.ILLNESS),
                                        "入户发现")))
                        .id()));
        pathValues.put("incomes", "2025");
    }

    private static String regionFor(Role role) {
        RegionLevel level = role.levels().contains(RegionLevel.COUNTY)
                ? RegionLevel.COUNTY
                : role.levels().iterator().next();
        return switch (level) {
            case VILLAGE -> TestFixtures.VILLAGE_A;
            case TOWNSHIP -> TestFixtures.TOWNSHIP;
            case COUNTY -> TestFixtures.COUNTY;
            case PREFECTURE -> "522300000000";
            case PROVINCE -> "520000000000";
        };
    }

    /** Every operation of the document; deletions last, so that they do not take the others' objects away. */
    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE")));
        return operations;
    }

    private static int countOperations(JsonNode document) {
        int count = 0;
        for (JsonNode path : document.get("paths").values()) {
            for (String method : path.propertyNames()) {
                count += List.of("get", "post", "put", "delete", "patch").contains(method) ? 1 : 0;
            }
        }
        return count;
    }

    /** The first role whose plain call is neither unauthenticated nor forbidden (county first: it may do most). */
    private BulwarkUser allowedUser(Operation operation) throws Exception {
        List<Role> order = new ArrayList<>(List.of(Role.values()));
        order.remove(Role.COUNTY_APPROVER);
        order.add(0, Role.COUNTY_APPROVER);
        Call plain = call(operation, null, null);
        for (Role role : order) {
            int status = send(
                            operation.method(),
                            plain.path(),
                            users.get(role),
                            plain.query(),
                            plain.contentType(),
                            plain.body())
                    .statusCode();
            if (status != 401 && status != 403) {
                return users.get(role);
            }
        }
        return null;
    }

    /** Each parameter with each hostile value, keyed by a description of what was sent. */
    private Map<String, Call> hostileCalls(Operation operation) {
        Map<String, Call> calls = new LinkedHashMap<>();
        List<String> targets = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            targets.add(
                    parameter.get("in").asString() + ":" + parameter.get("name").asString());
        }
        JsonNode body = bodyContent(operation);
        if (body != null) {
            targets.addAll(bodyTargets(body));
        }
        for (String target : targets) {
            for (String value : HOSTILE) {
                calls.put(target + "=" + abbreviate(value.replace("\u0000", "\\0")), call(operation, target, value));
            }
        }
        return calls;
    }

    /** The operation's call with every parameter plausible, and {@code target} (if any) set to {@code value}. */
    private Call call(Operation operation, String target, String value) {
        String path = operation.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String name = parameter.get("name").asString();
            String in = parameter.get("in").asString();
            boolean hit = (in + ":" + name).equals(target);
            if (in.equals("path")) {
                String plain = pathValue(operation.path(), name);
                path = path.replace("{" + name + "}", encode(hit ? value : plain));
            } else if (in.equals("query") && hit) {
                query.put(name, value);
            }
        }
        JsonNode content = bodyContent(operation);
        if (content == null) {
            return new Call(path, query, null, null);
        }
        String type = content.propertyNames().iterator().next();
        JsonNode schema = resolve(content.get(type).path("schema"));
        if (type.contains("json")) {
            JsonNode sample = sample(schema, 0);
            if (target != null && target.startsWith("body:")) {
                sample = replaced(sample, target.substring(5), value, schema);
            }
            return new Call(path, query, "application/json", json.writeValueAsBytes(sample));
        }
        if (type.startsWith("multipart/")) {
            return new Call(path, query, "multipart/form-data; boundary=sweep", multipart(schema, target, value));
        }
        String text = target != null && target.equals("body:text") ? value : "rules: []";
        return new Call(path, query, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private String pathValue(String template, String name) {
        if (name.equals("year")) {
            return "2025";
        }
        if (name.equals("householdId")) {
            return pathValues.get("households");
        }
        String before = template.substring(0, template.indexOf("{" + name + "}"));
        String[] segments = before.split("/");
        return pathValues.getOrDefault(segments[segments.length - 1], "1");
    }

    private JsonNode bodyContent(Operation operation) {
        JsonNode content = operation.spec().path("requestBody").path("content");
        return content.isObject() && !content.isEmpty() ? content : null;
    }

    /** The body's parameters: JSON pointers of its leaves, multipart fields, or the plain-text body. */
    private List<String> bodyTargets(JsonNode content) {
        String type = content.propertyNames().iterator().next();
        JsonNode schema = resolve(content.get(type).path("schema"));
        List<String> targets = new ArrayList<>();
        if (type.contains("json")) {
            leaves(sample(schema, 0), "", targets);
        } else if (type.startsWith("multipart/")) {
            schema.path("properties").propertyNames().forEach(name -> targets.add("body:/" + name));
        } else {
            targets.add("body:text");
        }
        return targets;
    }

    private static void leaves(JsonNode node, String pointer, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), pointer + "/" + e.getKey(), into));
        } else if (node.isArray() && !node.isEmpty()) {
            leaves(node.get(0), pointer + "/0", into);
        } else {
            into.add("body:" + (pointer.isEmpty() ? "/" : pointer));
        }
    }

    /** A plausible value for a schema: enums their first value, dates a date, numbers 1, objects every property. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        if (depth > 5) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties")
                        .properties()
                        .forEach(e -> object.set(e.getKey(), sample(e.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.path("items"), depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                String format = schema.path("format").asString("");
                return NODES.stringNode(
                        switch (format) {
                            case "date" -> "2025-06-01";
                            case "date-time" -> "2025-06-01T08:00:00Z";
                            case "uuid" -> UUID.randomUUID().toString();
                            default -> "测试";
                        });
            }
        }
    }

    /** The sample with the leaf at {@code pointer} set to the value: a number where the schema wants one. */
    private JsonNode replaced(JsonNode sample, String pointer, String value, JsonNode schema) {
        JsonNode numeric = value.matches("-?[0-9]+") ? NODES.numberNode(new BigInteger(value)) : null;
        if (pointer.equals("/")) {
            return numeric != null && isNumber(schema) ? numeric : NODES.stringNode(value);
        }
        JsonNode copy = sample.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        JsonNode before = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        JsonNode replacement =
                numeric != null && before != null && before.isNumber() ? numeric : NODES.stringNode(value);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return copy;
    }

    private byte[] multipart(JsonNode schema, String target, String value) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            boolean hit = ("body:/" + name).equals(target);
            boolean file =
                    "binary".equals(resolve(property.getValue()).path("format").asString(""));
            body.append("--sweep\r\nContent-Disposition: form-data; name=\"")
                    .append(name)
                    .append('"');
            if (file) {
                body.append("; filename=\"")
                        .append(hit ? value : "scan.pdf")
                        .append("\"\r\n")
                        .append("Content-Type: application/octet-stream\r\n\r\n")
                        .append(hit ? value : "%PDF-1.4\n")
                        .append("\r\n");
            } else {
                body.append("\r\n\r\n").append(hit ? value : "1").append("\r\n");
            }
        }
        body.append("--sweep--\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            schema = document.at(schema.get("$ref").asString().substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static boolean isNumber(JsonNode schema) {
        String type = type(schema);
        return type.equals("integer") || type.equals("number");
    }

    private HttpResponse<String> send(
            String method, String path, BulwarkUser user, Map<String, String> query, String contentType, byte[] body)
            throws Exception {
        StringBuilder uri = new StringBuilder("http://localhost:" + port + path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user.getUsername() + ":" + TestFixtures.PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileIdle) {
            // The client may pick a pooled keep-alive connection the server has just closed; the JDK
            // retries that only for GET. One fresh connection tells a stale socket from a server that
            // drops this request, which fails again and fails the test.
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
