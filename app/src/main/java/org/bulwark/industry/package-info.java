/**
 * Industries and benefit links (issue 16 item 1; docs/industry.md, docs/policy.md §5): the industry projects and
 * business entities of a county, the households each pays and how (wages, land rent, dividends, contract purchase,
 * services) with the amount of each year, and each village collective's income by source; the industry-failure list
 * (docs/industry.md). It owns {@code industry_project}, {@code benefit_link} and {@code collective_income} (V80) and
 * reads households only through the registry's published view {@code registry_household}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Industry")
package org.bulwark.industry;
