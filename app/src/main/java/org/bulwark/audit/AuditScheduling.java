package org.bulwark.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the audit anchor's periodic check ({@link AuditAnchor}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {}
