package org.bulwark.identity.web;

import org.bulwark.identity.NewUser;
import org.bulwark.identity.UserAccount;
import org.bulwark.identity.UserChange;

/** The fields of the create and edit forms of an account, as typed. */
public class UserForm {

    private String username;
    private String displayName;
    private String role;
    private String regionCode;
    private String department;
    private String password;
    private String passwordConfirmation;

    static UserForm of(UserAccount account) {
        UserForm form = new UserForm();
        form.username = account.username();
        form.displayName = account.displayName();
        form.role = account.role().name();
        form.regionCode = account.regionCode();
        form.department = account.department();
        return form;
    }

    NewUser toNewUser() {
        return new NewUser(username, displayName, role, regionCode, department, password, passwordConfirmation);
    }

    UserChange toChange() {
        return new UserChange(displayName, role, regionCode, department);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
