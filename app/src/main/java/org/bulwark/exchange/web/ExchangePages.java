package org.bulwark.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.Batches;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.ErrorFile;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.exchange.RejectedRow;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.read.ImportTemplate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for department data officers: upload a batch, see its report, download rejected rows and templates. */
@Controller
class ExchangePages {

    private final DepartmentDataImport imports;
    private final Batches batches;
    private final DataCatalogue catalogue;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ExchangePages(
            DepartmentDataImport imports,
            Batches batches,
            DataCatalogue catalogue,
            CurrentUser currentUser,
            MessageSource messages) {
        this.imports = imports;
        this.batches = batches;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/exchange")
    String list(Model model, Locale locale) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        model.addAttribute("categories", categoriesFor(user));
        model.addAttribute("batches", batches.recent(50));
        model.addAttribute("categoryNames", categoryNames(locale));
        model.addAttribute("departmentNames", departmentNames(locale));
        return "exchange/list";
    }

    /** Each category's name as the page's language has it (the catalogue's Chinese where it gives no English). */
    Map<String, String> categoryNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.categories().forEach(c -> names.put(c.code(), catalogue.categoryName(c, locale)));
        return names;
    }

    /** Each department's name, by its code, as the page's language has it. */
    Map<String, String> departmentNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.categories().forEach(c -> names.putIfAbsent(c.department(), catalogue.departmentName(c, locale)));
        return names;
    }

    @PostMapping("/exchange")
    String upload(
            @RequestParam String category,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        if (file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", messages.getMessage("exchange.emptyFile", null, locale));
            return "redirect:/exchange";
        }
        FileFormat format = FileFormat.ofFileName(file.getOriginalFilename());
        if (format == null) {
            redirect.addFlashAttribute("uploadError", messages.getMessage("exchange.wrongFormat", null, locale));
            return "redirect:/exchange";
        }
        Path temp = Files.createTempFile("bulwark-upload-", "." + format.name().toLowerCase(Locale.ROOT));
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Batch batch =
                    imports.run(new ImportRequest(category, temp, file.getOriginalFilename(), format, allOrNothing));
            return "redirect:/exchange/batches/" + batch.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("uploadError", ExchangeProblems.describe(e, messages, locale));
            return "redirect:/exchange";
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @GetMapping("/exchange/batches/{id}")
    String batch(@PathVariable long id, Model model, Locale locale) {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        Batch batch = batches.batch(id);
        model.addAttribute("batch", batch);
        model.addAttribute("categoryNames", categoryNames(locale));
        model.addAttribute("departmentNames", departmentNames(locale));
        // rows the user may not read are not fetched (nor is their reading audited); the page says they exist
        boolean mayRead = batches.mayReadRejected(currentUser.require(), batch);
        List<String> header = mayRead ? batches.header(id) : List.of();
        model.addAttribute(
                "rejected",
                mayRead
                        ? batches.rejected(id, 200).stream()
                                .map(row -> RejectedLine.of(row, header))
                                .toList()
                        : List.of());
        model.addAttribute("rejectedWithheld", !mayRead && batch.rowsRejected() > 0);
        return "exchange/batch";
    }

    @GetMapping("/exchange/batches/{id}/rejected.{format:csv|xlsx}")
    void rejected(@PathVariable long id, @PathVariable String format, HttpServletResponse response) throws IOException {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        List<RejectedRow> rows = batches.rejected(id, Integer.MAX_VALUE);
        List<String> header = batches.header(id);
        // a Chinese file name for the officer, with the ASCII one for old clients
        response.setHeader(
                "Content-Disposition",
                attachment("batch-" + id + "-rejected." + format, "批次" + id + "-退回的行." + format));
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            ErrorFile.writeCsv(header, rows, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ErrorFile.writeXlsx(header, rows, response.getOutputStream());
        }
    }

    @GetMapping("/exchange/templates/{category}.xlsx")
    void template(@PathVariable String category, HttpServletResponse response) throws IOException {
        CategorySchema schema =
                catalogue.category(category).orElseThrow(() -> new NotFoundException("category", category));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition", attachment(category + "-template.xlsx", schema.label() + "-导入模板.xlsx"));
        ImportTemplate.write(schema, response.getOutputStream());
    }

    /**
     * A rejected row as the batch page lists it: its number, its first few cells (so the officer knows which row it
     * is without opening the file; masked as the rows are) and each reason on a line of its own.
     */
    record RejectedLine(int rowNumber, String cells, List<String> reasons) {

        private static final int SHOWN_CELLS = 3;

        /** The row with its cells in the order of the file's header (the stored cells do not keep it). */
        static RejectedLine of(RejectedRow row, List<String> header) {
            String cells = header.stream()
                    .map(row.raw()::get)
                    .filter(v -> v != null && !v.isBlank())
                    .limit(SHOWN_CELLS)
                    .collect(Collectors.joining(" · "));
            return new RejectedLine(
                    row.rowNumber(), cells, List.of(row.reasons().split("；")));
        }
    }

    /** An attachment named in Chinese (RFC 6266 {@code filename*}), with an ASCII name for clients without it. */
    static String attachment(String asciiName, String chineseName) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<CategorySchema> categoriesFor(BulwarkUser user) {
        return catalogue.categories().stream()
                .filter(c -> !c.platformProduced())
                .filter(c ->
                        user.role() != Role.DEPARTMENT_OFFICER || c.department().equals(user.department()))
                .toList();
    }
}
