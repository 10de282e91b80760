package org.bulwark.employment.web;

import org.bulwark.employment.Employer;
import org.bulwark.employment.EmployerInput;

/** An employer as the page form holds it: text, so that what was typed comes back with its error. */
public class EmployerForm {

    private String kind;
    private String name;
    private String creditCode;
    private String regionCode;
    private String contactName;
    private String contactPhone;
    private boolean active = true;
    private int version;

    static EmployerForm of(Employer e) {
        EmployerForm f = new EmployerForm();
        f.kind = e.kind().name();
        f.name = e.name();
        f.creditCode = e.creditCode();
        f.regionCode = e.regionCode();
        f.contactName = e.contactName();
        f.contactPhone = e.contactPhone();
        f.active = e.active();
        f.version = e.version();
        return f;
    }

    EmployerInput toInput() {
        return new EmployerInput(kind, name, creditCode, regionCode, contactName, contactPhone, active, version);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
