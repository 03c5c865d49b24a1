package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.legal.LegalDocument;

/** Turns a legal document into a file (a PDF): the same document always gives the same bytes. */
public interface DocumentRenderer {

    String CONTENT_TYPE = "application/pdf";

    byte[] render(LegalDocument document);
}
