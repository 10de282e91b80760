package org.bulwark.home;

import java.time.ZoneId;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.onboarding.RegistryImports;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name, role and region on every page. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final CurrentUser currentUser;
    private final Regions regions;

    PageModelAdvice(CurrentUser currentUser, Regions regions) {
        this.currentUser = currentUser;
        this.regions = regions;
    }

    @ModelAttribute
    void user(Model model) {
        model.addAttribute("zone", ZoneId.systemDefault());
        currentUser.find().ifPresent(user -> addUser(model, user));
    }

    private void addUser(Model model, BulwarkUser user) {
        model.addAttribute("currentUserName", user.displayName());
        model.addAttribute("currentUserRole", user.role().name());
        model.addAttribute("currentUserRegion", regions.nameOf(user.regionCode()));
        model.addAttribute("currentUserCanReadAudit", user.can(Role.Permission.READ_AUDIT));
        model.addAttribute("scopePrefix", user.scope().prefix());
        model.addAttribute("currentUserCanImport", user.can(Role.Permission.IMPORT_DEPARTMENT_DATA));
        // the same rule the import applies, so that the menu offers 户籍导入 exactly to those it lets in
        model.addAttribute("currentUserCanImportRegistry", RegistryImports.mayImport(user));
        model.addAttribute("currentUserCanScreen", user.can(Role.Permission.RUN_SCREENING));
        model.addAttribute(
                "currentUserCanManageUsers",
                user.can(Role.Permission.MANAGE_ACCOUNTS) || user.can(Role.Permission.MANAGE_ROLES));
        model.addAttribute("currentUserCanReadHouseholds", user.can(Role.Permission.READ_HOUSEHOLDS));
        model.addAttribute("canEdit", user.can(Role.Permission.EDIT_REGISTRY));
        model.addAttribute("currentUserCanHandleCases", user.can(Role.Permission.HANDLE_CASES));
        model.addAttribute(
                "currentUserCanVisit",
                user.can(Role.Permission.RECORD_VISITS) || user.can(Role.Permission.ASSIGN_HELPERS));
        model.addAttribute("canReveal", user.can(Role.Permission.REVEAL_PERSONAL_DATA));
        model.addAttribute("currentUserCanEditLabourers", user.can(Role.Permission.EDIT_LABOURERS));
        model.addAttribute("currentUserCanManageEmployers", user.can(Role.Permission.MANAGE_EMPLOYERS));
        model.addAttribute("currentUserCanManageWelfareJobs", user.can(Role.Permission.MANAGE_WELFARE_JOBS));
    }
}
