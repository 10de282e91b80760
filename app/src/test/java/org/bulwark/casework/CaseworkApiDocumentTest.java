package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The casework API's operations in the OpenAPI document: the same paths, methods and operation ids, however split. */
@DatabaseTest
class CaseworkApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ObjectMapper json;

    @Test
    void theCaseworkOperationsStayWhereClientsFindThem() throws Exception {
        String document = mvc.perform(get("/api/openapi").with(user(fixtures.user(Role.LEADER, TestFixtures.COUNTY))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path :
                json.readTree(document).get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().get("tags").toString().contains("\"Casework\"")) {
                    operations.add(operation.getKey() + " " + path.getKey() + " "
                            + operation.getValue().get("operationId").asString());
                }
            }
        }
        assertThat(operations)
                .containsExactlyInAnyOrder(
                        "get /api/v1/case-attachments/{id} download",
                        "get /api/v1/cases cases",
                        "post /api/v1/cases open",
                        "get /api/v1/cases/{id} get_1",
                        "get /api/v1/cases/{id}/attachments attachmentsOf",
                        "post /api/v1/cases/{id}/attachments attach",
                        "post /api/v1/cases/{id}/decision decide",
                        "post /api/v1/cases/{id}/verification verify",
                        "post /api/v1/cases/{id}/village-review decideVillageReview",
                        "get /api/v1/cases/{id}/village-review villageMeeting",
                        "get /api/v1/casework/statistics statistics",
                        "post /api/v1/casework/roster/preview rosterPreview",
                        "post /api/v1/casework/roster/commit rosterCommit",
                        "get /api/v1/casework/roster/template.xlsx rosterTemplate",
                        "get /api/v1/casework/roster/export.{format} rosterExport",
                        "get /api/v1/casework/statistics/quarterly quarterly",
                        "get /api/v1/casework/statistics/quarterly/export quarterlyWorkbook",
                        "get /api/v1/declarations declarations",
                        "post /api/v1/declarations record",
                        "post /api/v1/declarations/{id}/accept accept",
                        "post /api/v1/declarations/{id}/attach attachDeclaration",
                        "post /api/v1/declarations/{id}/decline decline",
                        "get /api/v1/helpers/caseloads caseloads",
                        "get /api/v1/households/{id}/casework casework",
                        "post /api/v1/households/{id}/elimination proposeElimination",
                        "get /api/v1/households/{id}/elimination-assessment assessment",
                        "post /api/v1/households/{id}/elimination/reversal reverse",
                        "post /api/v1/households/{id}/helper assign",
                        "post /api/v1/households/{id}/plan/measures addMeasure",
                        "post /api/v1/plan/measures/{id}/cancellation cancel",
                        "post /api/v1/plan/measures/{id}/delivery deliver",
                        "post /api/v1/plan/measures/{id}/referral linkReferral",
                        "post /api/v1/public/declarations declare",
                        "get /api/v1/public/declarations/{receipt} receipt",
                        "post /api/v1/visits visit",
                        "get /api/v1/visits/due due");
    }
}
