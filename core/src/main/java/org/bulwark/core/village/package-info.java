/**
 * Village conditions: the catalogue of indicators a township records for each of its villages every year (paved road,
 * tap water, clinic, ...), read from configuration, and how a typed value of each is checked. Pure Java: the
 * application, the command line and the demo read the same catalogue.
 */
package org.bulwark.core.village;
