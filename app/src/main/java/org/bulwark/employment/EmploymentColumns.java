package org.bulwark.employment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese column headers of the employer and posting import files, by the input field each fills: one place, so
 * that the reasons of refused rows name the column the county typed in.
 */
final class EmploymentColumns {

    /** Employers: field → column. */
    static final Map<String, String> EMPLOYER = new LinkedHashMap<>();

    /** Postings: field → column. */
    static final Map<String, String> POSTING = new LinkedHashMap<>();

    static {
        EMPLOYER.put("kind", "类型");
        EMPLOYER.put("name", "名称");
        EMPLOYER.put("creditCode", "统一社会信用代码");
        EMPLOYER.put("regionCode", "所在区域代码");
        EMPLOYER.put("contactName", "联系人");
        EMPLOYER.put("contactPhone", "联系电话");
        POSTING.put("employerId", "用工主体");
        POSTING.put("title", "岗位名称");
        POSTING.put("regionCode", "工作地点区域代码");
        POSTING.put("workKind", "工种");
        POSTING.put("skills", "技能要求");
        POSTING.put("monthlyWage", "月工资");
        POSTING.put("hoursPerWeek", "每周工时");
        POSTING.put("openings", "招聘人数");
        POSTING.put("openFrom", "开始招聘日期");
        POSTING.put("openTo", "截止日期");
        POSTING.put("state", "状态");
    }

    private EmploymentColumns() {}
}
