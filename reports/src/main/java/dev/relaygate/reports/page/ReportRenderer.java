package dev.relaygate.reports.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the page with jte's templates, precompiled at build time (jte-maven-plugin), in HTML
 * mode: every {@code ${...}} is escaped for its context, so input text can never become markup.
 */
public final class ReportRenderer {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(ReportPage page) {
        StringOutput output = new StringOutput();
        engine.render("report.jte", page, output);
        return output.toString();
    }
}
