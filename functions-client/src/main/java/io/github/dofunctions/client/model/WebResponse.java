package io.github.dofunctions.client.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The answer of a web function, as it came: the status the function (or the platform)
 * gave, the headers and the body. Not an error whatever its status, but for a
 * {@code 429}, which the client handles as the rate limit it is.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body, empty for none
 */
public record WebResponse(int status, HttpHeaders headers, byte[] body) {

	/**
	 * Return the body as text, in the charset of its content type, else UTF-8.
	 * @return the body
	 */
	public String bodyAsString() {
		MediaType type = this.headers.getContentType();
		Charset charset = (type != null && type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		return new String(this.body, charset);
	}

	@Override
	public String toString() {
		return "WebResponse[status=" + this.status + ", contentType=" + this.headers.getContentType() + ", body="
				+ this.body.length + " bytes]";
	}

}
