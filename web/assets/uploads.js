// Supporting documents straight to the documents store: a grant from the API, then the file itself with
// XMLHttpRequest, whose upload events give the progress that fetch cannot.

import { api, ApiError } from './api.js';

/**
 * Sends `file`; `onProgress(percent)` follows it. Resolves to { uploadId, fileName }. `grantPath` is the route
 * that grants the upload: the citizen's own by default, `/tenants/{id}/uploads` for an agent.
 */
export async function uploadFile(file, onProgress = () => {}, grantPath = '/me/uploads') {
  const { data } = await api(grantPath, {
    method: 'POST',
    body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
  });
  await new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(data.upload.method, data.upload.url);
    for (const [name, value] of Object.entries(data.upload.headers ?? {})) {
      if (!['content-length', 'host'].includes(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300 ? resolve()
      : reject(new ApiError({ status: xhr.status, detail: 'Le fichier n’a pas été accepté. Réessayez.' }))));
    xhr.addEventListener('error', () => reject(new ApiError({ status: 0, detail: 'L’envoi du fichier a échoué. Vérifiez votre connexion.' })));
    xhr.send(file);
  });
  onProgress(100);
  return { uploadId: data.uploadId, fileName: file.name };
}
