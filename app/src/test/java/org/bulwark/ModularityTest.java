package org.bulwark;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules only use each other's public API, without cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        // the pure-Java core (org.bulwark.core) is a library every module may use, not a feature module
        ApplicationModules.of(BulwarkApplication.class,
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.bulwark.core..")).verify();
    }
}
