package org.bulwark.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.onboarding.RegistryExports;
import org.bulwark.onboarding.RegistryFileKind;
import org.bulwark.onboarding.RegistryImportJobs;
import org.bulwark.onboarding.RegistryTemplateFiles;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 户籍导入: upload a registry file, read its preview, confirm; and the templates to download. */
@Controller
class RegistryImportPages {

    private final RegistryImportJobs jobs;
    private final RegistryExports exports;
    private final Regions regions;
    private final CurrentUser currentUser;

    RegistryImportPages(RegistryImportJobs jobs, RegistryExports exports, Regions regions, CurrentUser currentUser) {
        this.jobs = jobs;
        this.exports = exports;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/registry-imports")
    String form(Model model) {
        BulwarkUser user = currentUser.require();
        model.addAttribute("counties", counties(user));
        return "onboarding/upload";
    }

    /** Starts the preview in the background and sends the browser to its progress; a bad upload answers at once. */
    @PostMapping("/registry-imports")
    String preview(@RequestParam("file") MultipartFile file, @RequestParam String county, Model model)
            throws IOException {
        BulwarkUser user = currentUser.require();
        if (file.isEmpty()) {
            model.addAttribute("counties", counties(user));
            model.addAttribute("uploadError", "文件：请选择要导入的文件");
            return "onboarding/upload";
        }
        try {
            RegistryImportJobs.Job job = jobs.preview(Uploads.copy(file), file.getOriginalFilename(), county);
            return "redirect:/registry-imports/jobs/" + job.id();
        } catch (InvalidInputException e) {
            model.addAttribute("counties", counties(user));
            model.addAttribute("uploadError", e.problems().get(0).message());
            return "onboarding/upload";
        }
    }

    /** A job's page: its progress while it runs (polled), then its preview or result, or the form with its error. */
    @GetMapping("/registry-imports/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        RegistryImportJobs.Job job = jobs.find(id);
        model.addAttribute("job", job);
        model.addAttribute("countyName", countyName(job.countyCode()));
        return switch (job.state()) {
            case RUNNING -> "onboarding/progress";
            case PREVIEWED, STORED -> {
                model.addAttribute("preview", job.preview());
                yield "onboarding/preview";
            }
            case FAILED -> {
                model.addAttribute("counties", counties(currentUser.require()));
                model.addAttribute("uploadError", job.error());
                yield "onboarding/upload";
            }
        };
    }

    /** The progress alone, for htmx to poll; once the job is done, htmx is sent to its page. */
    @GetMapping("/registry-imports/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        RegistryImportJobs.Job job = jobs.find(id);
        if (!job.running()) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/registry-imports/jobs/" + id);
        }
        model.addAttribute("job", job);
        return "onboarding/progress :: progress";
    }

    /** Starts storing the job's preview in the background; the browser follows its progress again. */
    @PostMapping("/registry-imports/jobs/{id}/commit")
    String commit(@PathVariable String id) {
        jobs.commit(id);
        return "redirect:/registry-imports/jobs/" + id;
    }

    /** 下载未导入的行: the refused and withheld rows as sent, with 原行号 and 错误原因, to fix and upload again. */
    @GetMapping("/registry-imports/jobs/{id}/refused.{format:xlsx|csv}")
    void refused(@PathVariable String id, @PathVariable String format, HttpServletResponse response)
            throws IOException {
        RegistryImportJobs.Job job = jobs.find(id);
        String base = job.fileName() == null ? "registry" : job.fileName().replaceFirst("\\.[^.]*$", "");
        response.setHeader(
                "Content-Disposition", Uploads.attachment("refused-rows." + format, "未导入的行-" + base + "." + format));
        response.setContentType(
                format.equals("csv")
                        ? "text/csv;charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // written to memory first: a refusal must answer as an error, not as half a file
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        jobs.writeRefused(id, format, file);
        file.writeTo(response.getOutputStream());
    }

    private String countyName(String county) {
        return RegionCode.tryParse(county).map(c -> regions.nameOf(c.value())).orElse(county);
    }

    @GetMapping("/registry-imports/templates/{kind}.{format:xlsx|csv}")
    void template(@PathVariable String kind, @PathVariable String format, HttpServletResponse response)
            throws IOException {
        RegistryFileKind fileKind = kindOf(kind);
        response.setHeader(
                "Content-Disposition",
                Uploads.attachment(kind + "-template." + format, RegistryTemplateFiles.fileName(fileKind, format)));
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            RegistryTemplateFiles.csv(fileKind, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            RegistryTemplateFiles.xlsx(fileKind, response.getOutputStream());
        }
    }

    /** 导出本辖区户籍: the county's file, or the user's part of it, in the import's template; audited. */
    @GetMapping("/registry-imports/export/{kind}.{format:xlsx|csv}")
    void export(
            @PathVariable String kind,
            @PathVariable String format,
            @RequestParam String county,
            HttpServletResponse response)
            throws IOException {
        export(exports, kind, format, county, response);
    }

    /** Writes an export as an attachment named in Chinese; shared with the API. */
    static void export(RegistryExports exports, String kind, String format, String county, HttpServletResponse response)
            throws IOException {
        RegistryFileKind fileKind = kindOf(kind);
        String name = kind + "-" + county.strip() + "." + format;
        response.setHeader(
                "Content-Disposition",
                Uploads.attachment(name, fileKind.label() + "-导出-" + county.strip() + "." + format));
        response.setContentType(
                format.equals("csv")
                        ? "text/csv;charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // written to memory first: a refusal must answer as an error, not as half a file
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        exports.export(county, fileKind, RegistryExports.Format.of(format), file);
        file.writeTo(response.getOutputStream());
    }

    static RegistryFileKind kindOf(String kind) {
        return switch (kind) {
            case "members" -> RegistryFileKind.MEMBERS;
            case "incomes" -> RegistryFileKind.INCOMES;
            default -> throw new NotFoundException("registry file", kind);
        };
    }

    /** The counties the user may import into: their own (from a county or township), or those under their region. */
    private List<Region> counties(BulwarkUser user) {
        RegionCode own = RegionCode.parse(user.regionCode());
        if (own.level() == RegionLevel.VILLAGE) {
            return List.of();
        }
        if (own.level() != RegionLevel.PROVINCE && own.level() != RegionLevel.PREFECTURE) {
            return regions.find(RegionCode.parse(own.value().substring(0, 6))).stream()
                    .toList();
        }
        List<Region> counties = new ArrayList<>();
        List<Region> level = regions.children(own.value());
        while (!level.isEmpty() && level.get(0).level() != RegionLevel.COUNTY) {
            List<Region> next = new ArrayList<>();
            level.forEach(r -> next.addAll(regions.children(r.code())));
            level = next;
        }
        counties.addAll(level);
        return counties;
    }
}
