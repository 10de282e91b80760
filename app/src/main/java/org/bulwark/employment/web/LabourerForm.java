package org.bulwark.employment.web;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.employment.Labourer;
import org.bulwark.employment.LabourerInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A labourer's work, skills and wishes as the page form holds them. */
public class LabourerForm {

    private boolean inWork;
    private String place;
    private String workMode;
    private String employerId;
    private String sinceDate;
    private String monthsWorked;
    private String monthlyWage;
    private List<String> skills = new ArrayList<>();
    private String training;
    private String wishReach;
    private List<String> wishKinds = new ArrayList<>();
    private String wishMinWage;
    private String source = "VISIT";
    private int version;

    static LabourerForm of(Labourer l, String source) {
        LabourerForm f = new LabourerForm();
        f.inWork = l.inWork();
        f.place = FormText.text(l.place());
        f.workMode = FormText.text(l.workMode());
        f.employerId = FormText.text(l.employerId());
        f.sinceDate = FormText.text(l.sinceDate());
        f.monthsWorked = FormText.text(l.monthsWorked());
        f.monthlyWage = l.monthlyWage() == null ? null : l.monthlyWage().toPlainString();
        f.skills = new ArrayList<>(l.skills().stream().map(Enum::name).toList());
        f.training = l.training();
        f.wishReach = FormText.text(l.wishReach());
        f.wishKinds = new ArrayList<>(l.wishKinds().stream().map(Enum::name).toList());
        f.wishMinWage = l.wishMinWage() == null ? null : l.wishMinWage().toPlainString();
        f.source = source;
        f.version = l.version();
        return f;
    }

    /** The input, with a problem for each number or date that is not one. */
    LabourerInput toInput(List<FieldProblem> problems) {
        return new LabourerInput(
                inWork,
                place,
                workMode,
                FormText.id(employerId),
                FormText.date("sinceDate", sinceDate, problems),
                FormText.whole("monthsWorked", monthsWorked, problems),
                FormText.amount("monthlyWage", monthlyWage, problems),
                skills,
                training,
                wishReach,
                wishKinds,
                FormText.amount("wishMinWage", wishMinWage, problems),
                source,
                version);
    }

    public boolean isInWork() {
        return inWork;
    }

    public void setInWork(boolean inWork) {
        this.inWork = inWork;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getWorkMode() {
        return workMode;
    }

    public void setWorkMode(String workMode) {
        this.workMode = workMode;
    }

    public String getEmployerId() {
        return employerId;
    }

    public void setEmployerId(String employerId) {
        this.employerId = employerId;
    }

    public String getSinceDate() {
        return sinceDate;
    }

    public void setSinceDate(String sinceDate) {
        this.sinceDate = sinceDate;
    }

    public String getMonthsWorked() {
        return monthsWorked;
    }

    public void setMonthsWorked(String monthsWorked) {
        this.monthsWorked = monthsWorked;
    }

    public String getMonthlyWage() {
        return monthlyWage;
    }

    public void setMonthlyWage(String monthlyWage) {
        this.monthlyWage = monthlyWage;
    }

    public List<String> getSkills() {
        return skills;
    }

    public void setSkills(List<String> skills) {
        this.skills = skills;
    }

    public String getTraining() {
        return training;
    }

    public void setTraining(String training) {
        this.training = training;
    }

    public String getWishReach() {
        return wishReach;
    }

    public void setWishReach(String wishReach) {
        this.wishReach = wishReach;
    }

    public List<String> getWishKinds() {
        return wishKinds;
    }

    public void setWishKinds(List<String> wishKinds) {
        this.wishKinds = wishKinds;
    }

    public String getWishMinWage() {
        return wishMinWage;
    }

    public void setWishMinWage(String wishMinWage) {
        this.wishMinWage = wishMinWage;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
