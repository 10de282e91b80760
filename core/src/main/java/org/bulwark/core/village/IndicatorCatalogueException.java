package org.bulwark.core.village;

/** An indicator file that cannot be used, naming the file, the indicator (when one is at fault) and the reason. */
public class IndicatorCatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndicatorCatalogueException(String source, String indicator, String reason) {
        super(source + (indicator == null ? "" : ", indicator " + indicator) + ": " + reason);
    }
}
