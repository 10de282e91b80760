package org.bulwark.industry.web;

import java.util.List;
import org.bulwark.industry.Project;
import org.bulwark.industry.ProjectInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A project as the page form holds it: text, so that what was typed comes back with its error. */
public class ProjectForm {

    private String kind;
    private String name;
    private String regionCode;
    private String industry;
    private String fundingSource;
    private String assistanceFunds;
    private String investment;
    private String annualOutput;
    private String state = "ACTIVE";
    private String stateYear;
    private int version;

    static ProjectForm of(Project p) {
        ProjectForm f = new ProjectForm();
        f.kind = p.kind().name();
        f.name = p.name();
        f.regionCode = p.regionCode();
        f.industry = p.industry().name();
        f.fundingSource = p.fundingSource().name();
        f.assistanceFunds = FormText.text(p.assistanceFunds());
        f.investment = FormText.text(p.investment());
        f.annualOutput = FormText.text(p.annualOutput());
        f.state = p.state().name();
        f.stateYear = FormText.text(p.stateYear());
        f.version = p.version();
        return f;
    }

    /** The input, with a problem for each number that is not one. */
    ProjectInput toInput(List<FieldProblem> problems) {
        return new ProjectInput(
                kind,
                name,
                regionCode,
                industry,
                fundingSource,
                FormText.amount("assistanceFunds", assistanceFunds, problems),
                FormText.amount("investment", investment, problems),
                FormText.amount("annualOutput", annualOutput, problems),
                state,
                FormText.whole("stateYear", stateYear, problems),
                version);
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

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getFundingSource() {
        return fundingSource;
    }

    public void setFundingSource(String fundingSource) {
        this.fundingSource = fundingSource;
    }

    public String getAssistanceFunds() {
        return assistanceFunds;
    }

    public void setAssistanceFunds(String assistanceFunds) {
        this.assistanceFunds = assistanceFunds;
    }

    public String getInvestment() {
        return investment;
    }

    public void setInvestment(String investment) {
        this.investment = investment;
    }

    public String getAnnualOutput() {
        return annualOutput;
    }

    public void setAnnualOutput(String annualOutput) {
        this.annualOutput = annualOutput;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getStateYear() {
        return stateYear;
    }

    public void setStateYear(String stateYear) {
        this.stateYear = stateYear;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
