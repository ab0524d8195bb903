'use strict';
// The throwaway S3-compatible server of the tests (scripts/s3.sh starts it): s3rver on
// 127.0.0.1, objects kept as files under DIR/data, a free port chosen by the system and
// written to DIR/port once it listens. The bucket "preau" exists from the start (for running
// the application on it); tests create buckets of their own.
//
// s3rver 3.7.1 answers NotImplemented to two multipart operations that the S3 blob store uses
// to reclaim interrupted uploads; they are added here on top of s3rver's own upload folders
// (DATA/<bucket>/._S3rver_uploads/<uploadId>/{key,metadata,<part>}), after its signature check:
//   GET    /<bucket>?uploads[&prefix=P]   ListMultipartUploads (one page, Initiated = folder time)
//   DELETE /<bucket>/<key>?uploadId=ID    AbortMultipartUpload (204; 404 NoSuchUpload)
//
// And s3rver reads the copy source of CopyObject with decodeURI, which leaves "%2F" alone: the
// AWS SDK for .NET 4 encodes the slashes of "bucket/key" there, as S3 accepts. Decoded whole
// here before s3rver's own copy.
//
//   node server.js DIR

const fs = require('fs');
const path = require('path');
const S3rver = require('s3rver');
const S3Error = require('s3rver/lib/models/error');
const authentication = require('s3rver/lib/middleware/authentication');
const objects = require('s3rver/lib/controllers/object');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node server.js DIR');
  process.exit(2);
}

const data = path.join(dir, 'data');
fs.mkdirSync(data, { recursive: true });

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory: data,
  silent: false,
  configureBuckets: [{ name: 'preau' }],
});

const uploadsOf = bucket => path.join(data, bucket, '._S3rver_uploads');

function bucketOf(ctx) {
  const [bucket, ...key] = ctx.path.replace(/^\/+/, '').split('/');
  return { bucket: decodeURIComponent(bucket), key: key.map(decodeURIComponent).join('/') };
}

function listUploads(ctx, bucket) {
  const prefix = ctx.query.prefix || '';
  const root = uploadsOf(bucket);
  const uploads = (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .map(id => {
      const keyFile = path.join(root, id, 'key');
      if (!fs.existsSync(keyFile)) return undefined;
      return { id, key: fs.readFileSync(keyFile).toString(), initiated: fs.statSync(keyFile).mtime };
    })
    .filter(u => u && u.key.startsWith(prefix))
    .sort((a, b) => (a.key === b.key ? a.id.localeCompare(b.id) : a.key.localeCompare(b.key)));
  ctx.body = {
    ListMultipartUploadsResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Bucket: bucket,
      KeyMarker: '',
      UploadIdMarker: '',
      Prefix: prefix,
      MaxUploads: 1000,
      IsTruncated: false,
      Upload: uploads.map(u => ({
        Key: u.key,
        UploadId: u.id,
        Initiated: u.initiated.toISOString(),
        StorageClass: 'STANDARD',
      })),
    },
  };
}

function abortUpload(ctx, bucket, key) {
  const folder = path.join(uploadsOf(bucket), path.basename(String(ctx.query.uploadId)));
  const keyFile = path.join(folder, 'key');
  if (!fs.existsSync(keyFile) || fs.readFileSync(keyFile).toString() !== key) {
    throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
  }
  fs.rmSync(folder, { recursive: true, force: true });
  ctx.status = 204;
}

// Called after the signature check (the router looks the controller up at each request).
const copy = objects.putObjectCopy;
objects.putObjectCopy = ctx => {
  ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(ctx.headers['x-amz-copy-source']));
  return copy(ctx);
};

const check = authentication();
const multipart = async (ctx, next) => {
  const { bucket, key } = bucketOf(ctx);
  const list = ctx.method === 'GET' && 'uploads' in ctx.query && bucket && !key;
  const abort = ctx.method === 'DELETE' && 'uploadId' in ctx.query && bucket && key;
  if (!list && !abort) return next();
  if (!fs.existsSync(path.join(data, bucket))) {
    throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
  }
  ctx.params = { bucket, key };
  await check(ctx, async () => (list ? listUploads(ctx, bucket) : abortUpload(ctx, bucket, key)));
};

// Just before s3rver's router (the last middleware), after its logging and XML encoding.
server.middleware.splice(server.middleware.length - 1, 0, multipart);

server.run().then(
  address => {
    fs.writeFileSync(path.join(dir, 'port'), String(address.port));
    console.log(`s3rver listening on http://127.0.0.1:${address.port}`);
  },
  err => {
    console.error(err);
    process.exit(1);
  },
);

const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
