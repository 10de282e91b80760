/**
 * Employment services' shared words and rules: how a labourer works, the kinds of employer, work and skill, and how
 * far a job is from home through the region tree; the matching of labourers and postings ({@link
 * org.bulwark.core.employment.JobMatcher} one at a time, {@link org.bulwark.core.employment.PostingIndex} and {@link
 * org.bulwark.core.employment.ProvinceMatching} for a whole province) with the reasons a page shows; and the
 * allocation of public-welfare jobs ({@link org.bulwark.core.employment.PublicWelfareAllocation}). The rules are
 * written down in docs/employment.md. The words' Chinese is in the employment words table (files) and
 * messages.properties {@code enum.*} (pages).
 */
package org.bulwark.core.employment;
