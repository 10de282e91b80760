package org.bulwark.registry.web;

import org.bulwark.registry.Person;
import org.bulwark.registry.PersonInput;

/** A person as the page form holds it (every field as entered, so a refused form comes back as typed). */
public class PersonForm {

    private String name;
    private String idNumber;
    private String relation;
    private String education;
    private String health;
    private String disability = "NONE";
    private String labourCapacity;
    private String employment;
    private String employmentPlace;
    private Integer employmentMonths;
    private String schooling;
    private boolean medicalInsured;
    private boolean pensionInsured;
    private int version;

    PersonInput toInput() {
        return new PersonInput(
                name,
                idNumber,
                relation,
                null,
                null,
                education,
                health,
                disability,
                labourCapacity,
                employment,
                employmentPlace,
                employmentMonths,
                schooling,
                medicalInsured,
                pensionInsured);
    }

    static PersonForm of(Person p) {
        PersonForm f = new PersonForm();
        f.name = p.name();
        f.idNumber = p.idNumber();
        f.relation = p.relation().name();
        f.education = name(p.education());
        f.health = name(p.health());
        f.disability = name(p.disability());
        f.labourCapacity = name(p.labourCapacity());
        f.employment = name(p.employment());
        f.employmentPlace = name(p.employmentPlace());
        f.employmentMonths = p.employmentMonths();
        f.schooling = name(p.schooling());
        f.medicalInsured = p.medicalInsured();
        f.pensionInsured = p.pensionInsured();
        f.version = p.version();
        return f;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getRelation() {
        return relation;
    }

    public void setRelation(String relation) {
        this.relation = relation;
    }

    public String getEducation() {
        return education;
    }

    public void setEducation(String education) {
        this.education = education;
    }

    public String getHealth() {
        return health;
    }

    public void setHealth(String health) {
        this.health = health;
    }

    public String getDisability() {
        return disability;
    }

    public void setDisability(String disability) {
        this.disability = disability;
    }

    public String getLabourCapacity() {
        return labourCapacity;
    }

    public void setLabourCapacity(String labourCapacity) {
        this.labourCapacity = labourCapacity;
    }

    public String getEmployment() {
        return employment;
    }

    public void setEmployment(String employment) {
        this.employment = employment;
    }

    public String getEmploymentPlace() {
        return employmentPlace;
    }

    public void setEmploymentPlace(String employmentPlace) {
        this.employmentPlace = employmentPlace;
    }

    public Integer getEmploymentMonths() {
        return employmentMonths;
    }

    public void setEmploymentMonths(Integer employmentMonths) {
        this.employmentMonths = employmentMonths;
    }

    public String getSchooling() {
        return schooling;
    }

    public void setSchooling(String schooling) {
        this.schooling = schooling;
    }

    public boolean isMedicalInsured() {
        return medicalInsured;
    }

    public void setMedicalInsured(boolean medicalInsured) {
        this.medicalInsured = medicalInsured;
    }

    public boolean isPensionInsured() {
        return pensionInsured;
    }

    public void setPensionInsured(boolean pensionInsured) {
        this.pensionInsured = pensionInsured;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
