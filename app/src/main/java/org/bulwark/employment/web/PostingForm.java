package org.bulwark.employment.web;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.employment.Posting;
import org.bulwark.employment.PostingInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A posting as the page form holds it: text, so that what was typed comes back with its error. */
public class PostingForm {

    private String employerId;
    private String title;
    private String regionCode;
    private String workKind;
    private List<String> skills = new ArrayList<>();
    private String monthlyWage;
    private String hoursPerWeek;
    private String openings;
    private String openFrom;
    private String openTo;
    private String state = "OPEN";
    private int version;

    static PostingForm of(Posting p) {
        PostingForm f = new PostingForm();
        f.employerId = String.valueOf(p.employerId());
        f.title = p.title();
        f.regionCode = p.regionCode();
        f.workKind = p.workKind().name();
        f.skills = new ArrayList<>(p.skills().stream().map(Enum::name).toList());
        f.monthlyWage = p.monthlyWage().toPlainString();
        f.hoursPerWeek = FormText.text(p.hoursPerWeek());
        f.openings = String.valueOf(p.openings());
        f.openFrom = FormText.text(p.openFrom());
        f.openTo = FormText.text(p.openTo());
        f.state = p.state().name();
        f.version = p.version();
        return f;
    }

    /** The input, with a problem for each number or date that is not one. */
    PostingInput toInput(List<FieldProblem> problems) {
        return new PostingInput(
                FormText.id(employerId),
                title,
                regionCode,
                workKind,
                skills,
                FormText.amount("monthlyWage", monthlyWage, problems),
                FormText.whole("hoursPerWeek", hoursPerWeek, problems),
                FormText.whole("openings", openings, problems),
                FormText.date("openFrom", openFrom, problems),
                FormText.date("openTo", openTo, problems),
                state,
                version);
    }

    public String getEmployerId() {
        return employerId;
    }

    public void setEmployerId(String employerId) {
        this.employerId = employerId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getWorkKind() {
        return workKind;
    }

    public void setWorkKind(String workKind) {
        this.workKind = workKind;
    }

    public List<String> getSkills() {
        return skills;
    }

    public void setSkills(List<String> skills) {
        this.skills = skills;
    }

    public String getMonthlyWage() {
        return monthlyWage;
    }

    public void setMonthlyWage(String monthlyWage) {
        this.monthlyWage = monthlyWage;
    }

    public String getHoursPerWeek() {
        return hoursPerWeek;
    }

    public void setHoursPerWeek(String hoursPerWeek) {
        this.hoursPerWeek = hoursPerWeek;
    }

    public String getOpenings() {
        return openings;
    }

    public void setOpenings(String openings) {
        this.openings = openings;
    }

    public String getOpenFrom() {
        return openFrom;
    }

    public void setOpenFrom(String openFrom) {
        this.openFrom = openFrom;
    }

    public String getOpenTo() {
        return openTo;
    }

    public void setOpenTo(String openTo) {
        this.openTo = openTo;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
