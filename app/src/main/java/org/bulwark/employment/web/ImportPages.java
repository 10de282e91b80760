package org.bulwark.employment.web;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bulwark.employment.EmploymentImport;
import org.bulwark.employment.EmploymentTemplates;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.read.ImportTemplate;
import org.bulwark.platform.read.RejectedRowsFile;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employment office's import page: a file of employers or of postings, stored whole or not at all; a refused
 * file's rows come back with their reasons on the page and as a file to correct and upload again as it is.
 */
@Controller
class ImportPages {

    private static final String REFUSED = "employment.refusedRows";

    private final EmploymentImport imports;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ImportPages(EmploymentImport imports, CurrentUser currentUser, MessageSource messages) {
        this.imports = imports;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/employment/imports")
    String page() {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        return "employment/imports";
    }

    @PostMapping("/employment/imports/{kind}")
    String upload(
            @PathVariable String kind,
            @RequestParam("file") MultipartFile file,
            Model model,
            HttpSession session,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            EmploymentImport.Outcome outcome = "postings".equals(kind)
                    ? imports.postings(in, file.getOriginalFilename())
                    : imports.employers(in, file.getOriginalFilename());
            if (outcome.accepted()) {
                redirect.addFlashAttribute(
                        "flash",
                        messages.getMessage("employment.imports.stored", new Object[] {outcome.stored()}, locale));
                return "redirect:/employment/" + ("postings".equals(kind) ? "postings" : "employers");
            }
            session.setAttribute(REFUSED, csv(outcome));
            model.addAttribute("outcome", outcome);
            model.addAttribute(
                    "refusedRows",
                    outcome.refused().stream()
                            .filter(r -> !r.reason().isEmpty())
                            .toList());
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.problems().get(0).message());
        }
        return "employment/imports";
    }

    /** The import template of employers or postings, as Excel with Chinese headers and a sample row. */
    @GetMapping("/employment/imports/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) throws IOException {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        boolean postings = "postings".equals(kind);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(
                postings ? EmploymentTemplates.POSTINGS : EmploymentTemplates.EMPLOYERS,
                postings ? "招聘岗位导入模板" : "用工主体导入模板",
                out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename((postings ? "招聘岗位" : "用工主体") + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    /** The last refused file's rows with their reasons, as CSV to correct and upload again. */
    @GetMapping("/employment/imports/refused.csv")
    ResponseEntity<byte[]> refused(HttpSession session) {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        Object bytes = session.getAttribute(REFUSED);
        if (!(bytes instanceof byte[] file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("退回的行.csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(file);
    }

    private static byte[] csv(EmploymentImport.Outcome outcome) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectedRowsFile.writeCsv(outcome.columns(), outcome.refused(), out);
        return out.toByteArray();
    }
}
